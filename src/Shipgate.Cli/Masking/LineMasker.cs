using System.Text;
using Shipgate.Secrets.Detection;

namespace Shipgate.Cli.Masking;

/// <summary>
/// Replaces secrets in a line of output with <c>***</c>: the literal values of named environment
/// variables, and anything the secret detectors match. Thread-safe (no mutable state).
/// </summary>
internal sealed class LineMasker
{
    public const string Mask = "***";

    private readonly string[] literals;
    private readonly SecretDetector detector;

    public LineMasker(IEnumerable<string> literalValues, SecretDetector detector)
    {
        // Longest first, so a value that contains another is masked whole. Very short values would mask
        // half the log, so values under 4 characters are left alone (as GitHub Actions does for 1-char ones).
        literals = literalValues.Where(v => v.Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length).ToArray();
        this.detector = detector;
    }

    public string Apply(string line)
    {
        foreach (var value in literals)
        {
            if (line.Contains(value, StringComparison.Ordinal))
            {
                line = line.Replace(value, Mask, StringComparison.Ordinal);
            }
        }

        var matches = detector.Detect(line);
        if (matches.Count == 0)
        {
            return line;
        }

        var builder = new StringBuilder(line.Length);
        var position = 0;
        foreach (var match in matches.OrderBy(m => m.SecretOffset))
        {
            if (match.SecretOffset < position)
            {
                continue;
            }

            builder.Append(line, position, match.SecretOffset - position).Append(Mask);
            position = match.SecretOffset + match.SecretLength;
        }

        return builder.Append(line, position, line.Length - position).ToString();
    }
}
