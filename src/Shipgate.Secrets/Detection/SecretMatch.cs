using Shipgate.Secrets.Rules;

namespace Shipgate.Secrets.Detection;

/// <summary>
/// A secret found in a text: which rule, the value, and where (UTF-16 offsets into the text given to
/// <see cref="SecretDetector.Detect(string)"/>). For a secret found inside encoded content, the offsets cover
/// the whole encoded run and <see cref="Encoding"/> names the encoding chain; <see cref="Secret"/> is the decoded value.
/// </summary>
public sealed record SecretMatch(SecretPattern Rule, string Secret, int SecretOffset, int SecretLength, int MatchOffset, int MatchLength)
{
    /// <summary>
    /// Null for plain text; otherwise <c>base64</c>, <c>hex</c> or <c>percent</c>, outermost first and joined with
    /// <c>+</c> when nested (<c>percent+base64</c>).
    /// </summary>
    public string? Encoding { get; init; }
}

/// <summary>
/// A secret placed in its whole input, as the streaming API reports it: absolute offset, 1-based line and column
/// span (end column inclusive, as <see cref="Core.Location"/>), and the source line with every secret on it redacted.
/// <see cref="Secret"/> is the raw value; never print it.
/// </summary>
public sealed record LocatedSecret(
    SecretPattern Rule,
    string Secret,
    long Offset,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    string RedactedLine)
{
    /// <inheritdoc cref="SecretMatch.Encoding"/>
    public string? Encoding { get; init; }
}
