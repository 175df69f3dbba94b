using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC059: shopify private app password (<c>shppa_</c> + 32 hex).</summary>
public sealed partial class ShopifyPrivateAppPassword : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC059",
        Name: "shopify-private-app-password",
        Title: "Shopify private app password",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:shopify-private-app-access-token"],
        Description = "Detects Shopify private app passwords (shppa_ followed by 32 hex characters), the legacy credential of private "
            + "apps. Used as the password for the Admin API, it grants the app's full set of read and write permissions on "
            + "the store.",
        Remediation = "Delete the private app or regenerate its password in the Shopify admin, migrate it to a custom app with "
            + "narrowly scoped access, and keep the credential in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["shppa_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SHOPIFY_ACCESS_TOKEN=shppa_" + TokenFormats.Hex(32);
        yield return "headers: { \"X-Shopify-Access-Token\": \"shppa_" + TokenFormats.Hex(32) + "\" }";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SHOPIFY_ACCESS_TOKEN=shppa_" + new string('0', 32);
        yield return "SHOPIFY_ACCESS_TOKEN=shppa_" + TokenFormats.Hex(31);
        yield return "id = myshppa_" + TokenFormats.Hex(32);
        yield return "SHOPIFY_ACCESS_TOKEN=${SHOPIFY_ACCESS_TOKEN}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])shppa_[a-fA-F0-9]{32}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
