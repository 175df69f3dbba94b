using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC110: <c>&lt;add key="ClearTextPassword" value="..."&gt;</c> in a NuGet.config packageSourceCredentials section.</summary>
public sealed partial class NuGetConfigPassword : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC110",
        Name: "nuget-config-password",
        Title: "Clear-text password in NuGet.config",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:nuget-config-password"],
        Description = "Finds `<add key=\"ClearTextPassword\" value=\"...\">` in the packageSourceCredentials section of a NuGet.config. "
            + "The value is a feed password or personal access token stored in plain text, often with rights beyond reading packages.",
        Remediation = "Revoke the token, and reference an environment variable instead (`value=\"%NUGET_FEED_PAT%\"`) or let a credential provider supply it.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["cleartextpassword"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"<add\s+key\s*=\s*""(?i:ClearTextPassword)""\s+value\s*=\s*""(?<secret>[^""]{1,512})""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) =>
        !secret.StartsWith("$(", StringComparison.Ordinal) && !secret.StartsWith('[') && UrlCredentials.IsRealCredential("", secret, "nuget");

    public override IEnumerable<string> TruePositives()
    {
        yield return "<add key=\"ClearTextPassword\" value=\"" + GenericSecretAssignment.SampleValue(20) + "\" />";
        yield return "      <add key=\"ClearTextPassword\" value=\"" + Samples.Base64OfBytes(39) + "\"/>";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "<add key=\"ClearTextPassword\" value=\"%NUGET_FEED_PAT%\" />";
        yield return "<add key=\"ClearTextPassword\" value=\"$(NuGetFeedPat)\" />";
        yield return "<add key=\"ClearTextPassword\" value=\"[YOUR PAT]\" />";
        yield return "<add key=\"Username\" value=\"build-agent\" />";
    }
}
