using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC006: a Google OAuth client secret (<c>GOCSPX-</c> + 28 characters).</summary>
public sealed partial class GcpOAuthClientSecret : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC006",
        Name: "gcp-oauth-client-secret",
        Title: "Google OAuth client secret",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Description = "Detects Google OAuth 2.0 client secrets, which since 2021 carry the GOCSPX- prefix followed by 28 URL-safe "
            + "characters. With the client id, a leaked secret lets an attacker run the authorization-code flow as your application "
            + "and phish consent or exchange stolen codes and refresh tokens for access to users' Google data.",
        Remediation = "Add a new secret to the OAuth client in Google Cloud console > APIs & Services > Credentials, deploy it from "
            + "Secret Manager or your CI secret store, then disable and delete the leaked secret.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["gocspx-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    public override IEnumerable<string> TruePositives()
    {
        yield return "{\"web\":{\"client_id\":\"" + TokenFormats.Digits(12) + "-abc.apps.googleusercontent.com\",\"client_secret\":\"GOCSPX-"
            + TokenFormats.Mixed(28) + "\"}}";
        yield return "GOOGLE_CLIENT_SECRET=GOCSPX-" + TokenFormats.Mixed(28);
        yield return "client_secret: 'GOCSPX-" + TokenFormats.Mixed(28) + "'";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        yield return "GOOGLE_CLIENT_SECRET=GOCSPX-" + TokenFormats.Mixed(20);
        yield return "client_secret: '<your-client-secret>'";
        yield return "id = NOTGOCSPX-" + TokenFormats.Mixed(28) + "X";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
