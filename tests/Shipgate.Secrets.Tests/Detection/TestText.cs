using System.Text;
using System.Text.RegularExpressions;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;

namespace Shipgate.Secrets.Tests.Detection;

/// <summary>Source-like random text with secrets planted at known places, and the naive reference scan.</summary>
internal static class TestText
{
    private static readonly string[] Vocabulary =
    [
        "var", "const", "return", "if", "else", "for", "public", "static", "string", "int", "config", "value", "name",
        "ghp", "ghp_short", "BEGIN", "-----", "cloud", "cloud_secret", "token", "get", "set", "=", "==", "(", ")", "{", "}",
        ";", ".", ",", "\"", "'", "//", "#", "url", "https://example.org/path", "null", "true", "false", "0x1F", "42",
    ];

    /// <summary>Roughly <paramref name="length"/> characters of code-like lines.</summary>
    public static string Source(Random random, int length, string newline = "\n")
    {
        var builder = new StringBuilder(length + 128);
        while (builder.Length < length)
        {
            var words = random.Next(0, 14);
            builder.Append(' ', random.Next(0, 3) * 4);
            for (var i = 0; i < words; i++)
            {
                builder.Append(random.Next(5) == 0 ? Identifier(random) : Vocabulary[random.Next(Vocabulary.Length)]).Append(' ');
            }

            builder.Append(newline);
        }

        return builder.ToString();
    }

    public static string Identifier(Random random)
    {
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
        var length = random.Next(3, 16);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[r.Next(chars.Length)];
            }
        });
    }

    /// <summary>Inserts each of <paramref name="lines"/> at a random line start of the original <paramref name="text"/>.</summary>
    public static string Plant(Random random, string text, IReadOnlyList<string> lines)
    {
        var positions = lines.Select(_ => LineStartBefore(text, random.Next(text.Length))).OrderDescending().ToList();
        var builder = new StringBuilder(text);
        for (var i = 0; i < lines.Count; i++)
        {
            builder.Insert(positions[i], lines[i] + "\n");
        }

        return builder.ToString();
    }

    private static int LineStartBefore(string text, int offset)
    {
        var newline = offset == 0 ? -1 : text.LastIndexOf('\n', offset - 1);
        return newline + 1;
    }

    /// <summary>The baseline: every rule's regex over the whole text, with the same filters, no windows or decoding.</summary>
    public static List<(string Rule, int Offset, string Secret)> Naive(IEnumerable<SecretPattern> rules, string text)
    {
        var found = new List<(string, int, string)>();
        foreach (var rule in rules)
        {
            foreach (Match match in rule.Pattern.Matches(text))
            {
                var group = match.Groups["secret"];
                Capture capture = group.Success ? group : match;
                var secret = capture.Value;
                if (!rule.Accepts(secret, match))
                {
                    continue;
                }

                found.Add((rule.Metadata.Id, capture.Index, secret));
            }
        }

        return [.. found.OrderBy(f => f.Item2).ThenBy(f => f.Item1, StringComparer.Ordinal)];
    }

    public static List<(string Rule, int Offset, string Secret)> Keys(IEnumerable<SecretMatch> matches) =>
        [.. matches.Select(m => (m.Rule.Metadata.Id, m.SecretOffset, m.Secret)).OrderBy(f => f.SecretOffset).ThenBy(f => f.Id, StringComparer.Ordinal)];
}
