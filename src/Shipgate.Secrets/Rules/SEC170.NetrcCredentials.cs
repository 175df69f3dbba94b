using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC170: <c>machine &lt;host&gt; login &lt;user&gt; password &lt;secret&gt;</c> entries of .netrc / _netrc files.</summary>
public sealed partial class NetrcCredentials : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC170",
        Name: "netrc-credentials",
        Title: "Password in a .netrc entry",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds credentials in .netrc (or _netrc) syntax: machine <host> login <user> password <secret>, on one line or several. "
            + "curl, git, ftp and Heroku's CLI read these files, so the password is a working credential for that host.",
        Remediation = "Revoke the token or change the password, keep .netrc only in the home directory with mode 600, and write it at job time from a CI secret when automation needs it.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override bool IsGeneric => true;

    public override IReadOnlyList<string> Keywords { get; } = ["login"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<![\w-])(?:machine[ \t]+(?<host>[^\s]{1,253})|default)\s+login[ \t]+[^\s]{1,128}\s+password[ \t]+(?<secret>[^\s]{1,256})",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) =>
        UrlCredentials.IsRealCredential("", secret, match.Groups["host"].Success ? match.Groups["host"].Value : "default");

    public override IEnumerable<string> TruePositives()
    {
        yield return "machine artifacts.acme-corp.net login ops@acme-corp.net password " + Samples.Mixed(24);
        yield return "machine github.com\n  login ci-bot\n  password " + GenericSecretAssignment.SampleValue(36);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "machine github.com login ci-bot password $GITHUB_TOKEN";
        yield return "machine example.com login user password <password>";
        yield return "echo \"machine github.com login x password ${TOKEN}\" > ~/.netrc";
    }
}
