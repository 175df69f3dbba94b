using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Shipgate.Cli.Output;

/// <summary>
/// Writers for the process's standard output and error, made without <see cref="Console"/>: setting up
/// <see cref="Console.Out"/>, <see cref="Console.Error"/> and <see cref="Console.CancelKeyPress"/> costs 15-30 ms
/// on Unix (terminal settings, encoding detection, signal handling), a tenth of a short scan. Shipgate writes UTF-8
/// (what <see cref="Console"/> picks on every usual locale) and, like <see cref="Console"/>, ignores a closed pipe
/// (<c>shipgate … | head</c>). On Windows, or when a handle cannot be used, the <see cref="Console"/> writers.
/// </summary>
internal static class StandardStreams
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static TextWriter Output() => Open(1) ?? Console.Out;

    public static TextWriter Error() => Open(2) ?? Console.Error;

    private static TextWriter? Open(int descriptor)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var stream = new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            return TextWriter.Synchronized(new StreamWriter(new PipeStream(stream), Utf8, bufferSize: 4096) { AutoFlush = true });
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A write-only stream that drops what is written once the reader has gone (EPIPE), as console streams do.</summary>
    internal sealed class PipeStream(Stream inner) : Stream
    {
        /// <summary>EPIPE on Linux and macOS; .NET reports unmapped errors with the errno as the HResult.</summary>
        private const int BrokenPipe = 32;

        private bool broken;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (broken)
            {
                return;
            }

            try
            {
                inner.Write(buffer);
            }
            catch (IOException ex) when (ex.HResult == BrokenPipe)
            {
                broken = true;
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
