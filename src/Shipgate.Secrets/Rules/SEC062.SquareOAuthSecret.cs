using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC062: a Square OAuth application secret (<c>sq0csp-</c> + 43).</summary>
public sealed partial class SquareOAuthSecret : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC062",
        Name: "square-oauth-secret",
        Title: "Square OAuth application secret",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:square-secret"],
        Description = "Detects Square application secrets (sq0csp- followed by 43 characters), used with the application id to "
            + "exchange OAuth codes and refresh tokens. A leak lets an attacker mint access tokens for every seller who "
            + "authorized the application.",
        Remediation = "Replace the application secret in the Square Developer Console (Applications > OAuth > Replace secret), "
            + "redeploy with the new value from a secret store, and revoke suspicious seller tokens.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sq0csp-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SQUARE_APPLICATION_SECRET=sq0csp-" + TokenFormats.Mixed(43);
        yield return "client_secret: \"sq0csp-" + TokenFormats.Mixed(43) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SQUARE_APPLICATION_SECRET=sq0csp-" + new string('x', 43);
        yield return "SQUARE_APPLICATION_SECRET=sq0csp-" + TokenFormats.Mixed(40);
        yield return "SQUARE_APPLICATION_SECRET=sq0csp-<secret>";
        yield return "id = mysq0csp-" + TokenFormats.Mixed(43) + "0";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])sq0csp-[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
