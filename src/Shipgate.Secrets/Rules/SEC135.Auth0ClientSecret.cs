using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC135: Auth0 application client secrets (64 base64url characters) assigned to an Auth0 setting.</summary>
public sealed partial class Auth0ClientSecret : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC135",
        Name: "auth0-client-secret",
        Title: "Auth0 client secret",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = [],
        Description = "Finds Auth0 application client secrets (64 base64url characters) assigned to a variable or key whose name contains Auth0 and secret. "
            + "With the client id, the secret obtains tokens as the application, including Management API tokens when the application is authorised for them.",
        Remediation = "Rotate the client secret in the Auth0 Dashboard (Applications > Settings > Rotate), or switch the application to private_key_jwt authentication, and load the secret from the environment.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["auth0"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    [GeneratedRegex(
        @"(?i:auth0)(?:[\w.-]{0,20}?|[""']?\s{0,3}:\s{0,3}\{[^{}]{0,200}?)(?i:secret)[\w.-]{0,10}[""']?\s{0,3}(?::=|=>|=|:)\s{0,3}[""'`]?(?<secret>[A-Za-z0-9_-]{64})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "AUTH0_CLIENT_SECRET=" + Samples.Base64Url(64);
        yield return "auth0_client_secret: \"" + Samples.Base64Url(64) + "\"";
        yield return "\"Auth0\": { \"Domain\": \"corp.eu.auth0.com\", \"ClientId\": \"" + Samples.AlphaNumeric(32) + "\", \"ClientSecret\": \"" + Samples.Base64Url(64) + "\" }";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "AUTH0_CLIENT_SECRET=${AUTH0_CLIENT_SECRET}";
        yield return "AUTH0_CLIENT_SECRET=" + new string('x', 64);
        yield return "AUTH0_CLIENT_SECRET=" + Samples.Base64Url(32);
        yield return "AUTH0_SECRET=use [openssl rand -hex 32] to generate a 32 bytes value";
    }
}
