using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC054: a Twilio SendGrid API key (<c>SG.</c> + 22 + <c>.</c> + 43).</summary>
public sealed partial class SendGridApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC054",
        Name: "sendgrid-api-key",
        Title: "SendGrid API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:sendgrid-api-token"],
        Description = "Detects Twilio SendGrid API keys: SG., a 22-character key id, a dot and a 43-character secret, both base64url "
            + "segments that are checked to decode to 16 and 32 bytes. A full-access key sends email from your verified "
            + "domains, which makes it a favourite for phishing campaigns, and can read contacts and change account settings.",
        Remediation = "Delete the key in SendGrid (Settings > API Keys), review the email activity feed for mail you did not send, "
            + "and create a restricted key (Mail Send only) loaded from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sg."];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) =>
        Checksums.DecodedLength(secret.AsSpan(3, 22)) == 16 && Checksums.DecodedLength(secret.AsSpan(26)) == 32;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SENDGRID_API_KEY=" + Sample();
        yield return "sg = SendGridAPIClient('" + Sample() + "')";
        yield return "  apiKey: \"" + Sample() + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        yield return "SENDGRID_API_KEY=" + Sample()[..^1];
        yield return "SENDGRID_API_KEY=SG.<your-key>";
        yield return "SENDGRID_API_KEY=${SENDGRID_API_KEY}";
    }

    private static string Sample() => "SG." + TokenFormats.Base64UrlOfBytes(16) + "." + TokenFormats.Base64UrlOfBytes(32);

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
