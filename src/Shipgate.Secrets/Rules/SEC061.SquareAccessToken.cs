using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC061: a Square production access token (<c>EAAA</c> + 60, or legacy <c>sq0atp-</c>).</summary>
public sealed partial class SquareAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC061",
        Name: "square-access-token",
        Title: "Square access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:square-access-token"],
        Description = "Detects Square access tokens: the current EAAA-prefixed 64-character format (personal and OAuth tokens) and "
            + "the legacy sq0atp- format. A production token can take payments, issue refunds and read customer and "
            + "transaction data for the seller account.",
        Remediation = "Revoke the token in the Square Developer Console (Credentials > Replace for personal access tokens, or "
            + "RevokeToken for OAuth tokens), review the seller's payments and refunds, and keep tokens in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["eaaa", "sq0atp-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SQUARE_ACCESS_TOKEN=EAAA" + TokenFormats.Mixed(60);
        yield return "square_token: sq0atp-" + TokenFormats.Mixed(22);
        yield return "Authorization: Bearer EAAA" + TokenFormats.Mixed(60);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "aws-cli@sha256:eaaa7b11777babe28e6133a8b19ff71cea687e0d7f05158dee95a71f76ce3d00";
        yield return "SQUARE_ACCESS_TOKEN=EAAA" + TokenFormats.Mixed(150);
        yield return "SQUARE_ACCESS_TOKEN=sq0atp-" + new string('x', 22);
        yield return "SQUARE_ACCESS_TOKEN=${SQUARE_ACCESS_TOKEN}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])(?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
