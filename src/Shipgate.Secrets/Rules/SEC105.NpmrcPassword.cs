using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC105: <c>_password=</c> in <c>.npmrc</c>: a base64-encoded registry password (Azure Artifacts, Nexus).</summary>
public sealed partial class NpmrcPassword : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC105",
        Name: "npmrc-password",
        Title: "Base64 registry password in .npmrc _password",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds the `_password` setting of an .npmrc file, the base64-encoded password or personal access token that Azure Artifacts and Nexus feeds use, and confirms it decodes to printable text. "
            + "The encoding hides nothing; the credential usually reads and publishes packages.",
        Remediation = "Revoke the personal access token or change the password, then set `_password=${NPM_PASSWORD_B64}` from the CI secret store or keep it in the user's ~/.npmrc.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["_password"];

    public override Regex Pattern => Token;

    /// <inheritdoc/>
    public override bool ChecksHits => true;

    /// <summary>
    /// The setting itself: not the tail of a longer name (<c>db_password</c>, <c>smtp-_password</c>) and followed by
    /// <c>=</c> after blanks. A character beyond ASCII before it is let through: the pattern's <c>\w</c> is Unicode.
    /// </summary>
    public override bool IsPlausibleHit(ReadOnlySpan<char> text, int offset, string keyword)
    {
        if (offset > 0)
        {
            var before = text[offset - 1];
            if (char.IsAsciiLetterOrDigit(before) || before is '_' or '-')
            {
                return false;
            }
        }

        var position = GenericSecretAssignment.SkipBlanks(text, offset + keyword.Length);
        return position < text.Length && text[position] == '=';
    }

    [GeneratedRegex(
        @"(?<![\w-])_password[ \t]*=[ \t]*[""']?(?<secret>[A-Za-z0-9+/]{8,684}={0,2})(?![A-Za-z0-9+/=])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match)
    {
        var padded = secret.PadRight(secret.Length + ((4 - (secret.Length % 4)) % 4), '=');
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written) || written < 6)
        {
            return false;
        }

        var text = System.Text.Encoding.UTF8.GetString(buffer, 0, written);
        return text.All(c => c >= 0x20 && c < 0x7F) && !Placeholders.LooksLikePlaceholder(text);
    }

    public override IEnumerable<string> TruePositives()
    {
        yield return "//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:_password=" + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(Samples.AlphaNumeric(52)));
        yield return "//nexus.corp.local/repository/npm/:_password=\"" + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("Pw-" + Samples.AlphaNumeric(16))) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:_password=${AZURE_ARTIFACTS_PAT_B64}";
        yield return "//nexus.corp.local/repository/npm/:_password=" + Convert.ToBase64String("changeme"u8.ToArray());
        yield return "_password=" + Convert.ToBase64String(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8 });
    }
}
