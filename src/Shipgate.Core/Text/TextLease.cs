using System.Buffers;

namespace Shipgate.Core;

/// <summary>
/// Decoded text that may live in a buffer rented from <see cref="ArrayPool{T}.Shared"/>: read <see cref="Text"/>, keep
/// nothing that points into it, then dispose the lease (once) to return the buffer.
/// </summary>
public readonly struct TextLease : IDisposable
{
    private readonly char[]? rented;

    /// <summary>A lease over text that needs no returning (a string that is cached anyway).</summary>
    public TextLease(ReadOnlyMemory<char> text)
    {
        Text = text;
        rented = null;
    }

    private TextLease(char[] rented, int length)
    {
        this.rented = rented;
        Text = rented.AsMemory(0, length);
    }

    public ReadOnlyMemory<char> Text { get; }

    /// <summary>Rents a buffer of at least <paramref name="minimumLength"/> characters; the caller fills it and calls <see cref="Of"/>.</summary>
    internal static char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(Math.Max(1, minimumLength));

    /// <summary>The lease over the first <paramref name="length"/> characters of a buffer from <see cref="Rent"/>.</summary>
    internal static TextLease Of(char[] rented, int length) => new(rented, length);

    public void Dispose()
    {
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
