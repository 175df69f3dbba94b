using Shipgate.Secrets.Archives;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets;

/// <summary>Settings of <see cref="SecretsScanner"/>. Immutable.</summary>
public sealed record SecretsScannerOptions
{
    public static SecretsScannerOptions Default { get; } = new();

    public SecretDetectorOptions Detector { get; init; } = SecretDetectorOptions.Default;

    public ArchiveLimits Archives { get; init; } = ArchiveLimits.Default;

    /// <summary>Files up to this size are read whole (and the text shared with other scanners); larger ones are streamed.</summary>
    public long MaxInMemoryTextBytes { get; init; } = 16L * 1024 * 1024;
}
