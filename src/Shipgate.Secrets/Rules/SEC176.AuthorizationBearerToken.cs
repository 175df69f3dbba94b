using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC176: <c>Authorization: Bearer &lt;token&gt;</c> with a literal opaque token (JWTs are left to SEC159).</summary>
public sealed partial class AuthorizationBearerToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC176",
        Name: "authorization-bearer-token",
        Title: "Bearer token in an Authorization header",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:curl-auth-header"],
        Description = "Finds literal opaque bearer tokens in Authorization headers (curl -H, HTTP client code, HTTP files), with enough entropy to be real. "
            + "JWT-shaped tokens are reported by SEC159 instead. "
            + "A bearer token is used as-is by whoever holds it.",
        Remediation = "Revoke the token at its issuer, and build the header at run time from a token read from the environment or fetched from the identity provider.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override bool IsGeneric => true;

    public override IReadOnlyList<string> Keywords { get; } = ["bearer"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    [GeneratedRegex(
        @"(?i:authorization)[""']?(?:\s{0,3}[:=,]\s{0,3}|[ \t]{1,3})[""'`]?(?i:bearer)[ \t]+(?<secret>[A-Za-z0-9._~+/=-]{20,2048})(?![A-Za-z0-9._~+/=-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) =>
        !secret.StartsWith("eyJ", StringComparison.Ordinal)
        && ((secret.Any(char.IsAsciiDigit) && secret.Any(char.IsAsciiLetter))
            || (secret.Length >= 32 && secret.Any(char.IsAsciiLetterUpper) && secret.Any(char.IsAsciiLetterLower)));

    public override IEnumerable<string> TruePositives()
    {
        yield return "curl -H \"Authorization: Bearer " + GenericSecretAssignment.SampleValue(40) + "\" https://api.corp.local/v1/deployments";
        yield return "headers = {\"Authorization\": \"Bearer " + GenericSecretAssignment.SampleValue(32) + "\"}";
        yield return "fetch(url, { headers: { Authorization: `Bearer " + Samples.Base64Url(43) + "` } })";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "curl -H \"Authorization: Bearer $TOKEN\" https://api.corp.local";
        yield return "headers = {\"Authorization\": f\"Bearer {token}\"}";
        yield return "Authorization: Bearer <access_token>";
        yield return "Authorization: Bearer " + JsonWebToken.Sample("{\"sub\":\"svc\"}");
    }
}
