using System.Security.Cryptography;

namespace Shipgate.Containers.Images.Archives;

/// <summary>
/// Passes reads through and hashes every byte read, so a blob's digest is checked in the same pass that decompresses
/// it. <see cref="Finish"/> drains what the reader left unread and returns the lower-case hex SHA-256. Not thread-safe.
/// </summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if (read > 0)
        {
            hash.AppendData(buffer[..read]);
            BytesRead += read;
        }

        return read;
    }

    /// <summary>Reads the rest of the stream (without decompressing it) and returns the digest's hex.</summary>
    public string Finish()
    {
        var buffer = new byte[1 << 16];
        while (Read(buffer) > 0)
        {
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
