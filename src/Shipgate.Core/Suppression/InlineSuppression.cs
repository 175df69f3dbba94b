namespace Shipgate.Core;

/// <summary>
/// Reads suppression comments: <c>shipgate:ignore[rule-id-or-name,...] reason</c> (or without a list,
/// meaning every rule) in any comment syntax, on the finding's line or on a comment-only line just above,
/// plus a scanner's own same-line markers (<c>gitleaks:allow</c>). Pure and thread-safe.
/// </summary>
public static class InlineSuppression
{
    public const string Marker = "shipgate:ignore";

    private static readonly string[] CommentStarters = ["#", "//", "<!--", "--", "/*", ";", "'", "*", "{{/*", "@REM", "REM "];

    /// <summary>The reason when the finding is suppressed inline, otherwise null.</summary>
    public static string? Find(RuleMetadata rule, string line, string? lineAbove, IReadOnlyList<string> scannerMarkers)
    {
        if (Match(rule, line, requireCommentOnly: false) is { } reason)
        {
            return reason;
        }

        foreach (var marker in scannerMarkers)
        {
            if (line.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return $"inline '{marker}'";
            }
        }

        return lineAbove is null ? null : Match(rule, lineAbove, requireCommentOnly: true);
    }

    private static string? Match(RuleMetadata rule, string line, bool requireCommentOnly)
    {
        var at = line.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var before = line.AsSpan(0, at);
        if (!IsInComment(before, requireCommentOnly))
        {
            return null;
        }

        var rest = line.AsSpan(at + Marker.Length);
        if (rest.Length > 0 && rest[0] == '[')
        {
            var close = rest.IndexOf(']');
            if (close < 0)
            {
                return null;
            }

            var listed = rest[1..close].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!listed.Any(r => r.Equals(rule.Id, StringComparison.OrdinalIgnoreCase) || r.Equals(rule.Name, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            rest = rest[(close + 1)..];
        }
        else if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]) && rest[0] != ':')
        {
            return null;
        }

        var reason = rest.TrimStart(':').Trim().ToString();
        foreach (var closer in new[] { "-->", "*/", "}}" })
        {
            if (reason.EndsWith(closer, StringComparison.Ordinal))
            {
                reason = reason[..^closer.Length].TrimEnd();
            }
        }

        return reason.Length == 0 ? "inline suppression (no reason given)" : reason;
    }

    private static bool IsInComment(ReadOnlySpan<char> before, bool requireCommentOnly)
    {
        var trimmed = before.Trim();
        foreach (var starter in CommentStarters)
        {
            var index = trimmed.IndexOf(starter, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                continue;
            }

            if (!requireCommentOnly || index == 0)
            {
                return true;
            }
        }

        return false;
    }
}
