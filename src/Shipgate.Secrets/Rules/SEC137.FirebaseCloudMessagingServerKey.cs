using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC137: Legacy Firebase Cloud Messaging server keys: <c>AAAA</c> + 7 characters + <c>:APA91b</c> + about 134 characters.</summary>
public sealed partial class FirebaseCloudMessagingServerKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC137",
        Name: "firebase-cloud-messaging-server-key",
        Title: "Firebase Cloud Messaging legacy server key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds legacy Firebase Cloud Messaging server keys (AAAA…:APA91b…). "
            + "Anyone with the key can send push notifications to every user of the app, for example phishing messages that appear to come from you.",
        Remediation = "Delete the server key in the Firebase console (Project settings > Cloud Messaging), migrate to the FCM HTTP v1 API with a service account and OAuth tokens, and keep credentials on the server only.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["APA91b"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{120,160}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "FCM_SERVER_KEY=AAAA" + Samples.Base64Url(7) + ":APA91b" + Samples.Base64Url(134);
        yield return "headers = {'Authorization': 'key=AAAA" + Samples.Base64Url(7) + ":APA91b" + Samples.Base64Url(134) + "'}";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "FCM_SERVER_KEY=${FCM_SERVER_KEY}";
        yield return "registration_id = \"APA91b" + Samples.Base64Url(134) + "\"";
        yield return "FCM_SERVER_KEY=AAAA" + Samples.Base64Url(7) + ":APA91b" + Samples.Base64Url(40);
    }
}
