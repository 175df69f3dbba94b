using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC057: shopify Admin API access token (<c>shpat_</c> + 32 hex).</summary>
public sealed partial class ShopifyAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC057",
        Name: "shopify-access-token",
        Title: "Shopify Admin API access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:shopify-access-token"],
        Description = "Detects Shopify Admin API access tokens (shpat_ followed by 32 hex characters), issued to custom apps and app "
            + "installations. With the granted scopes the token reads and writes the store's orders, customers, products and "
            + "settings through the Admin API.",
        Remediation = "Uninstall the app or rotate its Admin API access token (Settings > Apps and sales channels > Develop apps > "
            + "the app > API credentials), review the store's activity, and load the new token from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["shpat_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SHOPIFY_ACCESS_TOKEN=shpat_" + TokenFormats.Hex(32);
        yield return "headers: { \"X-Shopify-Access-Token\": \"shpat_" + TokenFormats.Hex(32) + "\" }";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SHOPIFY_ACCESS_TOKEN=shpat_" + new string('0', 32);
        yield return "SHOPIFY_ACCESS_TOKEN=shpat_" + TokenFormats.Hex(31);
        yield return "id = myshpat_" + TokenFormats.Hex(32);
        yield return "SHOPIFY_ACCESS_TOKEN=${SHOPIFY_ACCESS_TOKEN}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])shpat_[a-fA-F0-9]{32}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
