using Shipgate.Core;

namespace Shipgate.Secrets.Sources;

/// <summary>
/// Standard input (or any stream) as one input named <c>&lt;stdin&gt;</c>. <see cref="Scan"/> streams it through the
/// scanner with bounded memory, whatever its size; <see cref="Files"/> buffers it (up to a limit) into one
/// <see cref="ScanFile"/> for callers that need the engine's file pipeline. Enumerate once.
/// </summary>
public sealed class StdinSource : ISecretSource
{
    public const string DisplayPath = "<stdin>";

    private readonly Stream input;

    /// <summary>Reads the process's standard input.</summary>
    public StdinSource()
        : this(Console.OpenStandardInput())
    {
    }

    /// <param name="input">The content; not disposed.</param>
    /// <param name="maxBufferedBytes">The most <see cref="Files"/> will hold in memory.</param>
    public StdinSource(Stream input, long maxBufferedBytes = 256L * 1024 * 1024)
    {
        ArgumentNullException.ThrowIfNull(input);
        this.input = input;
        MaxBufferedBytes = maxBufferedBytes;
    }

    public long MaxBufferedBytes { get; }

    /// <summary>Streams the input through <paramref name="scanner"/>; findings are yielded as they are found.</summary>
    public IEnumerable<Finding> Scan(SecretsScanner scanner, RuleSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(settings);
        return scanner.ScanStream(input, DisplayPath, new RuleContext(DisplayPath, DisplayPath, settings), cancellationToken: cancellationToken);
    }

    /// <summary>The input as one buffered file; throws <see cref="InputFormatException"/> beyond <see cref="MaxBufferedBytes"/>.</summary>
    public IEnumerable<ScanFile> Files(CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (buffer.Length + read > MaxBufferedBytes)
            {
                throw new InputFormatException($"standard input is larger than {MaxBufferedBytes} bytes; use the streamed scan.");
            }

            buffer.Write(chunk, 0, read);
        }

        return [ScanFile.FromBytes(DisplayPath, buffer.ToArray())];
    }
}
