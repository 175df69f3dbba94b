using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC058: shopify custom app access token (<c>shpca_</c> + 32 hex).</summary>
public sealed partial class ShopifyCustomAppAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC058",
        Name: "shopify-custom-app-access-token",
        Title: "Shopify custom app access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:shopify-custom-access-token"],
        Description = "Detects Shopify custom app access tokens (shpca_ followed by 32 hex characters). They authenticate a "
            + "merchant's custom app to the Admin API with its configured scopes, typically orders, customers and products.",
        Remediation = "Rotate the token by reinstalling or regenerating the custom app's credentials in the Shopify admin (Develop "
            + "apps > the app > API credentials), then load it from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["shpca_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SHOPIFY_ACCESS_TOKEN=shpca_" + TokenFormats.Hex(32);
        yield return "headers: { \"X-Shopify-Access-Token\": \"shpca_" + TokenFormats.Hex(32) + "\" }";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SHOPIFY_ACCESS_TOKEN=shpca_" + new string('0', 32);
        yield return "SHOPIFY_ACCESS_TOKEN=shpca_" + TokenFormats.Hex(31);
        yield return "id = myshpca_" + TokenFormats.Hex(32);
        yield return "SHOPIFY_ACCESS_TOKEN=${SHOPIFY_ACCESS_TOKEN}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])shpca_[a-fA-F0-9]{32}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
