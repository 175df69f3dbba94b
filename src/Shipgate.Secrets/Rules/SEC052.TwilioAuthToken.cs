using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC052: a Twilio account auth token, by its Twilio name or next to an account SID.</summary>
public sealed partial class TwilioAuthToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC052",
        Name: "twilio-auth-token",
        Title: "Twilio auth token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Description = "Detects Twilio account auth tokens (32 hex characters) when they are assigned to a Twilio auth token setting "
            + "or follow an account SID (AC + 32 hex) as in Client(sid, token) or sid:token credentials. The auth token is "
            + "the account's master credential: it can send SMS and calls on your bill, read message logs and change account "
            + "settings.",
        Remediation = "Rotate the auth token in the Twilio Console (Account > API keys & tokens > request a secondary token and "
            + "promote it), then switch applications to API keys (SK...) loaded from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["twilio", "auth_token", "authtoken"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "TWILIO_AUTH_TOKEN=" + TokenFormats.Hex(32);
        yield return "from twilio.rest import Client\nclient = Client(\"AC" + TokenFormats.Hex(32) + "\", \"" + TokenFormats.Hex(32) + "\")";
        yield return "curl -u AC" + TokenFormats.Hex(32) + ":" + TokenFormats.Hex(32) + " https://api.twilio.com/2010-04-01/Accounts.json";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}";
        yield return "TWILIO_ACCOUNT_SID=AC" + TokenFormats.Hex(32);
        yield return "TWILIO_AUTH_TOKEN=" + TokenFormats.Hex(31);
        yield return "twilio_auth_token: \"your_auth_token\"";
    }

    [GeneratedRegex(
        """(?i:twilio[\w.-]{0,20}?(?:auth[_.-]?)?(?:token|secret))\w{0,5}["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])|(?<![A-Za-z0-9])AC[a-f0-9]{32}["']?\s*[,:;]\s*["']?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
