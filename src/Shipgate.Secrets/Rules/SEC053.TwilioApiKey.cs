using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC053: a Twilio API key SID (<c>SK</c> + 32 hex), reported with its secret when the secret follows.</summary>
public sealed partial class TwilioApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC053",
        Name: "twilio-api-key",
        Title: "Twilio API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:twilio-api-key"],
        Description = "Detects Twilio API keys in files that mention Twilio: the key SID (SK followed by 32 hex characters) and, when "
            + "it follows within a few lines, the 32-character key secret, which is then what gets reported. A standard API "
            + "key can use nearly every Twilio API of the account, including sending messages and reading logs.",
        Remediation = "Delete the API key in the Twilio Console (Account > API keys & tokens), create a new one with the narrowest "
            + "type available, and load the SID and secret from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["twilio"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) =>
        match.Groups["secret"].Success ? TokenFormats.HasMixedCase(secret) && Entropy.Shannon(secret) >= 3.5 : Entropy.Shannon(secret) >= 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "TWILIO_API_KEY=SK" + TokenFormats.Hex(32) + "\nTWILIO_API_SECRET=" + TokenFormats.Mixed(32);
        yield return "twilio:\n  api_key: SK" + TokenFormats.Hex(32);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "TWILIO_API_KEY=SK" + new string('0', 32);
        yield return "twilio sid: XSK" + TokenFormats.Hex(32);
        yield return "TWILIO_API_KEY=SK" + TokenFormats.Hex(31);
        yield return "TWILIO_API_KEY=${TWILIO_API_KEY}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])(?:[\s\S]{1,100}?(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9]))?",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
