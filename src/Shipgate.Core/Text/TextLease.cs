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

    /// <summary>A lease over the first <paramref name="length"/> characters of a buffer rented from the shared pool.</summary>
    internal TextLease(char[] rented, int length)
    {
        this.rented = rented;
        Text = rented.AsMemory(0, length);
    }

    public ReadOnlyMemory<char> Text { get; }

    public void Dispose()
    {
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
