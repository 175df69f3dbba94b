namespace Shipgate.Secrets.Detection;

/// <summary>Tuning knobs of <see cref="SecretDetector"/>. Immutable; the defaults suit every scan we know of.</summary>
public sealed record SecretDetectorOptions
{
    public static SecretDetectorOptions Default { get; } = new();

    /// <summary>
    /// How many layers of encoding (base64, hex, percent) are peeled off to look for secrets inside; 0 turns decoding off.
    /// </summary>
    public int DecodeDepth { get; init; } = 2;

    /// <summary>
    /// Characters per chunk for streamed input and for very long strings. The detector raises it to at least four
    /// times the chunk overlap (<see cref="SecretDetector.ChunkOverlap"/>) so chunks always make progress.
    /// </summary>
    public int ChunkSize { get; init; } = 1 << 20;

    /// <summary>Encoded runs longer than this are not decoded (embedded images and the like hold no readable text).</summary>
    public int MaxEncodedRunLength { get; init; } = 16 * 1024;

    /// <summary>Upper bound on any rule's <c>WindowBefore</c>/<c>WindowAfter</c>, so a careless rule cannot blow up the chunk overlap.</summary>
    public int MaxWindow { get; init; } = 16 * 1024;

    /// <summary>
    /// Windows of one rule that overlap are merged, up to this many characters; beyond it a new window starts,
    /// so a single regex call never walks a huge region under its per-match timeout.
    /// </summary>
    public int MaxMergedWindow { get; init; } = 64 * 1024;

    /// <summary>
    /// After this many regex timeouts in one input (each after its retry), a rule is skipped for the rest of that input;
    /// every window it skips is reported as a <see cref="ScanGap"/>.
    /// </summary>
    public int MaxTimeoutsPerRule { get; init; } = 3;

    /// <summary>
    /// A window whose pattern times out (<see cref="Rules.SecretPattern.RegexTimeoutMilliseconds"/>) is retried once
    /// with this much longer timeout, so a briefly overloaded machine does not lose a finding. Only a retry that times
    /// out too becomes a <see cref="ScanGap"/>. Bounds the time one window can take.
    /// </summary>
    public TimeSpan RetryTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest source line excerpt kept in <see cref="LocatedSecret.RedactedLine"/> on each side of the secret.</summary>
    public int MaxSnippetContext { get; init; } = 160;
}
