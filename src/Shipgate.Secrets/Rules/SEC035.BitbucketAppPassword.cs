using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC035: a Bitbucket Cloud app password (<c>ATBB</c> + 32 characters).</summary>
public sealed partial class BitbucketAppPassword : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC035",
        Name: "bitbucket-app-password",
        Title: "Bitbucket app password",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Description = "Detects Bitbucket Cloud app passwords, ATBB followed by 32 characters. Used with the account username over "
            + "HTTPS or the REST API, an app password grants whatever repository, pull request, pipeline and workspace "
            + "permissions it was created with, and it never expires.",
        Remediation = "Revoke the app password in Bitbucket > Personal settings > App passwords, review the workspace audit log, and "
            + "move to scoped API tokens or repository/workspace access tokens kept in secured pipeline variables; app "
            + "passwords are being retired.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["atbb"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    public override IEnumerable<string> TruePositives()
    {
        yield return "git clone https://acme-ci:" + Sample() + "@bitbucket.org/acme/api.git";
        yield return "BITBUCKET_APP_PASSWORD=" + Sample();
        yield return "bitbucket: { username: \"ci-bot\", password: \"" + Sample() + "\" }";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "BITBUCKET_APP_PASSWORD=ATBB" + new string('x', 32);
        yield return "BITBUCKET_APP_PASSWORD=" + Sample()[..^1];
        yield return "key = MYATBB" + TokenFormats.Mixed(32);
        yield return "BITBUCKET_APP_PASSWORD=${BITBUCKET_APP_PASSWORD}";
    }

    private static string Sample() => "ATBB" + TokenFormats.Mixed(24) + TokenFormats.Random(Samples.UpperHex, 8);

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])ATBB[A-Za-z0-9]{32}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
