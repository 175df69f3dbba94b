using System.Text.RegularExpressions;

namespace Shipgate.Secrets.Detection;

/// <summary>
/// Recognises values that are not secrets but stand in for one: template variables, environment
/// look-ups, masks, documentation examples. Shared by every rule so the false-positive policy is one place.
/// </summary>
public static partial class Placeholders
{
    private static readonly string[] Words =
    [
        "changeme", "change_me", "change-me", "example", "placeholder", "your_", "your-", "yourkey", "<your", "xxxxxx",
        "redacted", "dummy", "notreal", "not_real", "not-real", "not-a-real", "not_a_real", "fake_", "sample_", "insert_", "replace_", "todo", "********",
        "password123", "secret123", "replaceme", "setme", "some_token", "mytoken", "my_token", "mysecret", "my_secret",
    ];

    /// <summary>True for template syntax, environment look-ups, masks and stock example words.</summary>
    public static bool LooksLikePlaceholder(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        var lower = value.ToLowerInvariant();
        foreach (var word in Words)
        {
            if (lower.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return TemplateOrLookup().IsMatch(value) || IsSingleRepeatedChar(value) || IsSequential(lower);
    }

    /// <summary>True when the value reads a variable rather than holding one: <c>process.env.X</c>, <c>os.environ["X"]</c>, <c>${X}</c>.</summary>
    public static bool IsVariableReference(string value) => TemplateOrLookup().IsMatch(value);

    private static bool IsSingleRepeatedChar(string value)
    {
        var distinct = value.Distinct().Count();
        return distinct <= 2 && value.Length >= 6;
    }

    private static bool IsSequential(string lower) =>
        lower.Contains("abcdefgh", StringComparison.Ordinal) || lower.Contains("12345678", StringComparison.Ordinal)
        || lower.Contains("0123456789", StringComparison.Ordinal);

    [GeneratedRegex(
        @"^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$|\$\{\{?[^}]*\}\}?|\{\{[^}]*\}\}|%\([^)]*\)s|%[A-Z_]+%|<[^>]+>|\bprocess\.env\b|\bos\.environ\b|\bos\.getenv\b|\bgetenv\(|\bENV\[|\benv\(|Environment\.GetEnvironmentVariable|System\.getenv|\bsecrets\.[A-Za-z_]|\bvars\.[A-Za-z_]",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 250)]
    private static partial Regex TemplateOrLookup();
}
