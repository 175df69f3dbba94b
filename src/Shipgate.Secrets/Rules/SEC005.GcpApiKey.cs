using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC005: a Google API key (<c>AIza</c> + 35 characters).</summary>
public sealed partial class GcpApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC005",
        Name: "gcp-api-key",
        Title: "Google API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gcp-api-key"],
        Description = "Detects Google API keys (AIza followed by 35 URL-safe characters) used for Maps, Firebase, Gemini and other "
            + "Google Cloud APIs. Keys shipped to browsers are meant to be restricted by referrer and API; an unrestricted key in a "
            + "repository lets anyone call the enabled APIs on your billing account.",
        Remediation = "Regenerate or delete the key in Google Cloud console > APIs & Services > Credentials, add API and application "
            + "restrictions to its replacement, and inject it at build or run time from Secret Manager or CI secrets.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["aiza"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    public override IEnumerable<string> TruePositives()
    {
        yield return "GOOGLE_API_KEY=" + TokenFormats.GoogleApiKey();
        yield return "const firebaseConfig = { apiKey: \"" + TokenFormats.GoogleApiKey() + "\", projectId: \"acme\" };";
        yield return "curl \"https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key=" + TokenFormats.GoogleApiKey() + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "apiKey: \"AIzaSyabcdefghijklmnopqrstuvwxyz1234567\"";
        yield return "apiKey: \"AIza" + TokenFormats.Mixed(34) + "\"";
        yield return "token = x" + TokenFormats.Mixed(10) + "AIza" + TokenFormats.Mixed(35);
        yield return "apiKey: process.env.FIREBASE_API_KEY";
        yield return "apiKey: \"AIzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
