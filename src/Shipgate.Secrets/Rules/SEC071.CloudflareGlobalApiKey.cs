using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC071: a Cloudflare global API key (37 hex) near a Cloudflare keyword or an <c>X-Auth-Key</c> header.</summary>
public sealed partial class CloudflareGlobalApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC071",
        Name: "cloudflare-global-api-key",
        Title: "Cloudflare global API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:cloudflare-global-api-key"],
        Description = "Detects Cloudflare global API keys, 37 hex characters, near the word Cloudflare, CF_API_KEY or an X-Auth-Key "
            + "header. With the account email, the global key has every permission of the user on every account and zone they "
            + "can access, with no scoping or expiry, so it is the account's root credential.",
        Remediation = "Change the global API key in the Cloudflare dashboard (My Profile > API Tokens > Global API Key > Change), "
            + "review the audit log, and replace its uses with scoped API tokens kept in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["cloudflare", "x-auth-key", "cf_api_key"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "CLOUDFLARE_API_KEY=" + TokenFormats.Hex(37) + "\nCLOUDFLARE_EMAIL=ops@acme.io";
        yield return "curl -H \"X-Auth-Email: ops@acme.io\" -H \"X-Auth-Key: " + TokenFormats.Hex(37) + "\" https://api.cloudflare.com/client/v4/zones";
        yield return "cloudflare_global_api_key = \"" + TokenFormats.Hex(37) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "CLOUDFLARE_API_KEY=${CLOUDFLARE_API_KEY}";
        yield return "cloudflare: \"" + TokenFormats.Hex(36) + "\"";
        yield return "cloudflare: \"" + TokenFormats.Hex(38) + "\"";
        yield return "cloudflare_api_token = \"" + TokenFormats.Mixed(40) + "\"";
    }

    [GeneratedRegex(
        @"(?i:cloudflare|x-auth-key|cf_api_key)[\s\S]{0,80}?(?<![A-Za-z0-9])(?<secret>[a-f0-9]{37})(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
