using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC149: LinkedIn OAuth client secrets (legacy 16 alphanumerics or <c>WPL_AP1.</c> format) assigned to a LinkedIn secret setting.</summary>
public sealed partial class LinkedInClientSecret : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC149",
        Name: "linkedin-client-secret",
        Title: "LinkedIn client secret near a LinkedIn label",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:linkedin-client-secret"],
        Description = "Finds LinkedIn OAuth client secrets assigned to a LinkedIn-named secret setting, in the legacy 16-character form or the current WPL_AP1. "
            + "form. "
            + "With the client id, the secret exchanges authorisation codes for member tokens and calls APIs as your app.",
        Remediation = "Generate a new client secret in the LinkedIn Developer Portal (Auth tab) and load it from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["linkedin", "linked_in", "linked-in"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    [GeneratedRegex(
        @"(?i:linked[_-]?in)[\w.-]{0,20}?(?i:secret)[\w.-]{0,10}[""']?\s{0,3}(?::=|=>|=|:)\s{0,3}[""'`]?(?<secret>WPL_AP[0-9]\.[A-Za-z0-9]{16}\.[A-Za-z0-9+/=]{8,64}|[A-Za-z0-9]{16})(?![A-Za-z0-9+/=])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "LINKEDIN_CLIENT_SECRET=" + GenericSecretAssignment.SampleValue(16);
        yield return "linkedinClientSecret: \"WPL_AP1." + Samples.AlphaNumeric(16) + "." + Samples.Base64OfBytes(12) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "LINKEDIN_CLIENT_SECRET=${LINKEDIN_CLIENT_SECRET}";
        yield return "LINKEDIN_CLIENT_SECRET=" + new string('x', 16);
        yield return "LINKEDIN_CLIENT_ID=" + Samples.LowerAlphaNumeric(14);
    }
}
