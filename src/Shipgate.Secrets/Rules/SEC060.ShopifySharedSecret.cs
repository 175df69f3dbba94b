using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC060: shopify app shared secret (<c>shpss_</c> + 32 hex).</summary>
public sealed partial class ShopifySharedSecret : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC060",
        Name: "shopify-shared-secret",
        Title: "Shopify app shared secret",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:shopify-shared-secret"],
        Description = "Detects Shopify app shared secrets (shpss_ followed by 32 hex characters), the client secret of an app. It "
            + "completes OAuth installs as the app and signs webhooks and App Proxy requests, so a leak lets attackers obtain "
            + "store tokens through the app or forge requests it trusts.",
        Remediation = "Rotate the client secret in the Partner Dashboard or Dev Dashboard (App > Settings > Client credentials > "
            + "Rotate), redeploy with the new secret from a secret store, and revoke the old secret once deployed.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["shpss_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SHOPIFY_ACCESS_TOKEN=shpss_" + TokenFormats.Hex(32);
        yield return "headers: { \"X-Shopify-Access-Token\": \"shpss_" + TokenFormats.Hex(32) + "\" }";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SHOPIFY_ACCESS_TOKEN=shpss_" + new string('0', 32);
        yield return "SHOPIFY_ACCESS_TOKEN=shpss_" + TokenFormats.Hex(31);
        yield return "id = myshpss_" + TokenFormats.Hex(32);
        yield return "SHOPIFY_ACCESS_TOKEN=${SHOPIFY_ACCESS_TOKEN}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])shpss_[a-fA-F0-9]{32}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
