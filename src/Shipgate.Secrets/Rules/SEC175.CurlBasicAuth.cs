using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC175: <c>curl -u user:password</c> / <c>--user user:password</c> with a literal password.</summary>
public sealed partial class CurlBasicAuth : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC175",
        Name: "curl-basic-auth",
        Title: "Password on a curl -u command line",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:curl-auth-user"],
        Description = "Finds curl commands that pass a literal user:password with -u or --user. "
            + "Scripts, READMEs and CI steps with such commands leak the password to everyone who reads them and to the process list of the machine that runs them.",
        Remediation = "Change the password or revoke the token, and pass credentials from the environment (`-u \"$USER:$TOKEN\"`) or a .netrc file outside the repository (`--netrc-file`).",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override bool IsGeneric => true;

    public override IReadOnlyList<string> Keywords { get; } = ["curl"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<![\w-])curl(?:\.exe)?\b[^\r\n]{0,300}?[ \t](?:-u|--user)(?:=|[ \t]+)(?<q>[""']?)(?<user>[^\s:""'`$]{1,64}):(?<secret>[^\s""'`]{3,128})\k<q>(?=[\s;|&)]|$)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) => UrlCredentials.IsRealCredential(match.Groups["user"].Value, secret, "curl");

    public override IEnumerable<string> TruePositives()
    {
        yield return "curl -u admin:" + GenericSecretAssignment.SampleValue(18) + " https://jenkins.corp.local/api/json";
        yield return "curl -sS --user \"deploy:" + GenericSecretAssignment.SampleValue(24) + "\" -X POST https://nexus.corp.local/service/rest/v1/components";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "curl -u \"$USER:$PASSWORD\" https://jenkins.corp.local/api/json";
        yield return "curl -u admin:${JENKINS_TOKEN} https://jenkins.corp.local";
        yield return "curl -u user:password https://api.example.com";
        yield return "curl -u \"api:\" https://api.corp.local";
    }
}
