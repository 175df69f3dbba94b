using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC070: a Cloudflare API token (40 characters) assigned to a Cloudflare token name or sent as a bearer token to Cloudflare.</summary>
public sealed partial class CloudflareApiToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC070",
        Name: "cloudflare-api-token",
        Title: "Cloudflare API token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:cloudflare-api-key"],
        Description = "Detects Cloudflare API tokens, 40 URL-safe characters, assigned to a Cloudflare token or key name "
            + "(CLOUDFLARE_API_TOKEN, CF_API_TOKEN, the api_token of a Terraform cloudflare provider) or sent as a bearer "
            + "token to api.cloudflare.com. Depending on its permissions a token can edit DNS, WAF and Workers, which is "
            + "enough to hijack traffic for a zone.",
        Remediation = "Roll or delete the token in the Cloudflare dashboard (My Profile > API Tokens), review the account audit log, "
            + "and issue a token scoped to the needed zones and permissions with an expiry, stored in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["cloudflare", "cf_api"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    public override bool IsValid(string secret, Match match) =>
        TokenFormats.HasMixedCase(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "CLOUDFLARE_API_TOKEN=" + Sample();
        yield return "provider \"cloudflare\" {\n  api_token = \"" + Sample() + "\"\n}";
        yield return "curl https://api.cloudflare.com/client/v4/user/tokens/verify -H \"Authorization: Bearer " + Sample() + "\"";
        yield return "CF_API_TOKEN: " + Sample();
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}";
        yield return "cloudflare_api_key = \"" + TokenFormats.Hex(37) + "\"";
        yield return "CLOUDFLARE_API_TOKEN=" + TokenFormats.Hex(40);
        yield return "CLOUDFLARE_API_TOKEN=" + Sample()[..39];
    }

    private static string Sample() => TokenFormats.Mixed(36) + "-_" + TokenFormats.Mixed(2);

    [GeneratedRegex(
        """(?i:cloudflare|\bcf_api)[\s\S]{0,80}?(?i:token|key)\w{0,5}["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])|(?i:cloudflare)[\s\S]{0,200}?Bearer\s+(?<secret>[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
