using System.Runtime.CompilerServices;

namespace Shipgate.Core;

/// <summary>
/// Equality and order of an <see cref="int"/>-based enum by value, for collections keyed by <see cref="Severity"/>,
/// <see cref="Category"/> and the like. The runtime's default comparers for an enum are made by reflection the first
/// time they are asked for, a few milliseconds of every short scan each; these are plain code.
/// </summary>
public static class EnumOrder
{
    /// <summary>The comparer of <typeparamref name="T"/>'s values (one shared instance per type).</summary>
    public static EnumOrder<T> Of<T>()
        where T : struct, Enum => Holder<T>.Instance;

    private static class Holder<T>
        where T : struct, Enum
    {
        public static readonly EnumOrder<T> Instance = new();
    }
}

/// <summary>See <see cref="EnumOrder"/>.</summary>
public sealed class EnumOrder<T> : IEqualityComparer<T>, IComparer<T>
    where T : struct, Enum
{
    internal EnumOrder()
    {
        if (Unsafe.SizeOf<T>() != sizeof(int))
        {
            throw new NotSupportedException($"{typeof(T).Name} is not int-based");
        }
    }

    public bool Equals(T x, T y) => Value(x) == Value(y);

    public int GetHashCode(T obj) => Value(obj);

    public int Compare(T x, T y) => Value(x).CompareTo(Value(y));

    private static int Value(T value) => Unsafe.As<T, int>(ref value);
}
