namespace Shipgate.Containers.Images.Archives;

/// <summary>A read-only window onto part of a seekable stream (a member of an uncompressed tar). Not thread-safe.</summary>
internal sealed class SubStream : Stream
{
    private readonly Stream inner;
    private readonly long start;
    private readonly long length;
    private readonly bool ownsInner;
    private long position;

    public SubStream(Stream inner, long start, long length, bool ownsInner)
    {
        this.inner = inner;
        this.start = start;
        this.length = length;
        this.ownsInner = ownsInner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = Math.Clamp(value, 0, length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var remaining = length - position;
        if (remaining <= 0 || buffer.Length == 0)
        {
            return 0;
        }

        if (buffer.Length > remaining)
        {
            buffer = buffer[..(int)remaining];
        }

        inner.Position = start + position;
        var read = inner.Read(buffer);
        position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };
        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsInner)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
