using System.Text;
using System.Text.RegularExpressions;

namespace Shipgate.Gate.Domain;

/// <summary>
/// A git ref pattern with GitHub's branch/tag pattern semantics (fnmatch with <c>FNM_PATHNAME</c>): <c>*</c> matches any
/// run of characters except <c>/</c>, <c>**</c> also crosses <c>/</c>, <c>?</c> matches one character other than
/// <c>/</c>, and <c>[abc]</c>/<c>[!abc]</c> are character classes. A pattern that does not start with <c>refs/</c> names a
/// branch: <c>main</c> means <c>refs/heads/main</c>.
/// </summary>
public sealed class RefPattern
{
    private readonly Regex regex;

    private RefPattern(string text, Regex regex)
    {
        Text = text;
        this.regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    public static RefPattern Parse(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var full = pattern.StartsWith("refs/", StringComparison.Ordinal) ? pattern : "refs/heads/" + pattern;
        var sb = new StringBuilder("^");
        for (var i = 0; i < full.Length; i++)
        {
            var c = full[i];
            switch (c)
            {
                case '*' when i + 1 < full.Length && full[i + 1] == '*':
                    sb.Append(".*");
                    i++;
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var close = full.IndexOf(']', i + 2);
                    if (close < 0)
                    {
                        throw new FormatException($"unclosed '[' in ref pattern '{pattern}'");
                    }

                    var body = full[(i + 1)..close];
                    var negate = body.StartsWith('!') || body.StartsWith('^');
                    if (negate)
                    {
                        body = body[1..];
                    }

                    sb.Append('[').Append(negate ? "^/" : "").Append(body.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal)).Append(']');
                    i = close;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        sb.Append('$');
        return new RefPattern(pattern, new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
    }

    public bool IsMatch(string gitRef) => regex.IsMatch(gitRef);

    public override string ToString() => Text;
}
