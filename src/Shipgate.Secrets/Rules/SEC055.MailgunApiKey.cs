using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC055: a Mailgun private API key (<c>key-</c> + 32 hex, or 32-8-8 hex) near a Mailgun keyword.</summary>
public sealed partial class MailgunApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC055",
        Name: "mailgun-api-key",
        Title: "Mailgun API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:mailgun-private-api-token", "gitleaks:mailgun-signing-key"],
        Description = "Detects Mailgun API keys near the word Mailgun: the legacy key- + 32 hex format and the current <32 hex>-<8 "
            + "hex>-<8 hex> format (which webhook signing keys share). A private API key sends mail from your domains, reads "
            + "stored messages and logs, and manages domains and routes.",
        Remediation = "Delete or rotate the key in the Mailgun control panel (API Security or Domain settings > Sending API keys; "
            + "Webhooks signing key for signing keys), review sending logs, and load the new key from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["mailgun"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "MAILGUN_API_KEY=key-" + TokenFormats.Hex(32);
        yield return "MAILGUN_API_KEY=" + TokenFormats.Hex(32) + "-" + TokenFormats.Hex(8) + "-" + TokenFormats.Hex(8);
        yield return "curl -s --user 'api:key-" + TokenFormats.Hex(32) + "' https://api.mailgun.net/v3/mg.acme.io/messages";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "MAILGUN_API_KEY=key-" + new string('0', 32);
        yield return "MAILGUN_API_KEY=key-<your-key>";
        yield return "api_key = key-" + TokenFormats.Hex(32);
        yield return "MAILGUN_API_KEY=${MAILGUN_API_KEY}";
    }

    [GeneratedRegex(
        @"(?i:mailgun)[\s\S]{0,80}?(?<![A-Za-z0-9])(?<secret>key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9-])|(?<![A-Za-z0-9])(?<secret>key-[0-9a-f]{32})(?![A-Za-z0-9])[\s\S]{0,120}?(?i:mailgun)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
