using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC116: JFrog reference tokens: base64 of <c>reftkn:01:&lt;expiry&gt;:&lt;random&gt;</c>, 64 characters starting <c>cmVmdGtuOjAx</c>.</summary>
public sealed partial class JFrogReferenceToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC116",
        Name: "jfrog-reference-token",
        Title: "JFrog reference token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:artifactory-reference-token"],
        Description = "Finds JFrog reference tokens, the short 64-character form of access tokens, and validates that they decode to reftkn:01:<expiry>:<random>. "
            + "A reference token carries the full permissions of the access token it stands for.",
        Remediation = "Revoke the token in the JFrog Platform (Administration > User Management > Access Tokens) and issue a short-lived, scoped token through OIDC or the CI secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["cmVmdGtu"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9+/])cmVmdGtuOjAx[A-Za-z0-9]{52}(?![A-Za-z0-9+/])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match)
    {
        var buffer = new byte[48];
        if (!Convert.TryFromBase64String(secret, buffer, out var written))
        {
            return false;
        }

        var text = System.Text.Encoding.ASCII.GetString(buffer, 0, written);
        var parts = text.Split(':');
        return parts.Length == 4 && parts[0] == "reftkn" && parts[1] == "01" && parts[2].All(char.IsAsciiDigit)
            && parts[3].Length > 0 && parts[3].All(char.IsAsciiLetterOrDigit);
    }

    private static string Sample() =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("reftkn:01:" + Samples.From(Samples.Digits, 10) + ":" + Samples.AlphaNumeric(27)));

    public override IEnumerable<string> TruePositives()
    {
        yield return "JFROG_ACCESS_TOKEN=" + Sample();
        yield return "  password: \"" + Sample() + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "JFROG_ACCESS_TOKEN=${JFROG_ACCESS_TOKEN}";
        yield return "JFROG_ACCESS_TOKEN=cmVmdGtuOjAx" + Samples.AlphaNumeric(20);
        yield return "JFROG_ACCESS_TOKEN=" + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("reftkn:01:notanumber:" + Samples.AlphaNumeric(27))).TrimEnd('=').PadRight(64, 'A')[..64];
    }
}
