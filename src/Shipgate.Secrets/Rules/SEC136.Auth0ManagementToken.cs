using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC136: JWTs issued by an Auth0 tenant for its Management API (<c>iss</c> ends in auth0.com, <c>aud</c> is <c>…/api/v2/</c>).</summary>
public sealed partial class Auth0ManagementToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC136",
        Name: "auth0-management-token",
        Title: "Auth0 Management API token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:jwt"],
        Description = "Finds Auth0 Management API access tokens: JWTs whose issuer is an auth0.com tenant and whose audience is the tenant's /api/v2/ endpoint. "
            + "Depending on scopes the token reads and changes users, applications, connections and rules of the whole tenant.",
        Remediation = "Management tokens cannot be revoked individually: rotate the signing key or the client secret of the application that obtained it, reduce its scopes, and fetch short-lived tokens at run time with client credentials.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["eyJ"];

    public override Regex Pattern => Token;

    public override int WindowBefore => 8192;

    public override int WindowAfter => 8192;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}\.ey[A-Za-z0-9_-]{8,16384}\.[A-Za-z0-9_-]{16,1024}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match) =>
        JsonWebToken.TryDecode(secret, out _, out var payload) && JsonWebToken.IsAuth0ManagementToken(payload);

    internal static string Sample(string tenant) => JsonWebToken.Sample(
        "{\"iss\":\"https://" + tenant + ".eu.auth0.com/\",\"sub\":\"" + Samples.AlphaNumeric(32) + "@clients\",\"aud\":\"https://" + tenant
        + ".eu.auth0.com/api/v2/\",\"iat\":1700000000,\"exp\":1700086400,\"scope\":\"read:users update:users delete:users\",\"gty\":\"client-credentials\"}",
        "RS256");

    public override IEnumerable<string> TruePositives()
    {
        yield return "AUTH0_MANAGEMENT_TOKEN=" + Sample("corp");
        yield return "headers: { authorization: `Bearer " + Sample("acme-prod") + "` }";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "AUTH0_MANAGEMENT_TOKEN=${AUTH0_MANAGEMENT_TOKEN}";
        yield return "id_token=" + JsonWebToken.Sample("{\"iss\":\"https://corp.eu.auth0.com/\",\"sub\":\"auth0|" + Samples.Hex(24) + "\",\"aud\":\"" + Samples.AlphaNumeric(32) + "\",\"exp\":1700086400}", "RS256");
        yield return "AUTH0_MANAGEMENT_TOKEN=eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2NvcnAuYXV0aDAuY29tLyJ9";
    }
}
