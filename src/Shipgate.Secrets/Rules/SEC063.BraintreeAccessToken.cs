using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC063: a PayPal Braintree production access token (<c>access_token$production$…$…</c>).</summary>
public sealed partial class BraintreeAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC063",
        Name: "braintree-access-token",
        Title: "PayPal Braintree production access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Description = "Detects PayPal Braintree access tokens for the production environment: access_token$production$, a "
            + "16-character merchant id and a 32-hex secret. Used by PayPal Checkout and Braintree SDK integrations, the "
            + "token can create transactions, refunds and vault operations for the merchant.",
        Remediation = "Revoke the token in the PayPal or Braintree control panel (API credentials), generate a new one, and load it "
            + "from a secret store; review recent transactions and refunds.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["access_token$production$"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "BRAINTREE_ACCESS_TOKEN=access_token$production$" + TokenFormats.Random(Samples.LowerAlphaNumericChars, 16) + "$" + TokenFormats.Hex(32);
        yield return "gateway = braintree.BraintreeGateway(access_token=\"access_token$production$" + TokenFormats.Random(Samples.LowerAlphaNumericChars, 16) + "$" + TokenFormats.Hex(32) + "\")";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "BRAINTREE_ACCESS_TOKEN=access_token$sandbox$" + TokenFormats.Random(Samples.LowerAlphaNumericChars, 16) + "$" + TokenFormats.Hex(32);
        yield return "BRAINTREE_ACCESS_TOKEN=access_token$production$" + new string('0', 16) + "$" + new string('0', 32);
        yield return "BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant>$<token>";
        yield return "BRAINTREE_ACCESS_TOKEN=${BRAINTREE_ACCESS_TOKEN}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
