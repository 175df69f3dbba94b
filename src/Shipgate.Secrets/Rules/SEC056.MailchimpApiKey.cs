using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC056: a Mailchimp Marketing API key (32 hex + <c>-us</c> data-center suffix).</summary>
public sealed partial class MailchimpApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC056",
        Name: "mailchimp-api-key",
        Title: "Mailchimp API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:mailchimp-api-key"],
        Description = "Detects Mailchimp Marketing API keys: 32 hex characters followed by the data-center suffix (-us1 to -us21). "
            + "The suffix makes the format distinctive. A key gives full access to the account's audiences and campaigns, so "
            + "it exposes subscriber personal data and can send email to every list.",
        Remediation = "Disable the key in Mailchimp (Profile > Extras > API keys), create a new one, and load it from a secret store; "
            + "review the account's recent exports and campaign activity.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["-us"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "MAILCHIMP_API_KEY=" + TokenFormats.Hex(32) + "-us21";
        yield return "mailchimp.setConfig({ apiKey: \"" + TokenFormats.Hex(32) + "-us6\", server: \"us6\" });";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "MAILCHIMP_API_KEY=" + new string('0', 32) + "-us21";
        yield return "MAILCHIMP_API_KEY=<key>-us21";
        yield return "MAILCHIMP_API_KEY=" + TokenFormats.Hex(31) + "-us21";
        yield return "locale = en-us";
    }

    // Anchored on the fixed suffix, so the search is a vectorised IndexOf; the look-behind re-reads the whole key into "secret".
    [GeneratedRegex(
        @"-us[0-9]{1,2}(?![A-Za-z0-9])(?<=(?<![A-Za-z0-9])(?<secret>[0-9a-f]{32}-us[0-9]{1,2}))",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
