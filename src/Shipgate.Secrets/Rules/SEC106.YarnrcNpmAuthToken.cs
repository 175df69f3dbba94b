using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC106: Literal <c>npmAuthToken</c> or <c>npmAuthIdent</c> values in Yarn Berry's <c>.yarnrc.yml</c>.</summary>
public sealed partial class YarnrcNpmAuthToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC106",
        Name: "yarnrc-npm-auth-token",
        Title: "Registry credential in .yarnrc.yml",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds literal `npmAuthToken` and `npmAuthIdent` values in Yarn 2+ `.yarnrc.yml` files, at the top level or under npmScopes/npmRegistries. "
            + "Yarn reads these for every install and publish, so a committed value is a live registry credential.",
        Remediation = "Revoke the token in the registry and write `npmAuthToken: \"${NPM_TOKEN}\"` so Yarn takes it from the environment.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["npmauthtoken", "npmauthident"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<![\w-])npmAuth(?:Token|Ident)[ \t]*:[ \t]*[""']?(?<secret>[^\s""'$#{][^\s""']{7,511})",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) => !NpmrcAuthToken.IsCoveredByPrefixRule(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "npmAuthToken: " + Samples.Uuid();
        yield return "  npmAuthIdent: \"deploy:" + GenericSecretAssignment.SampleValue(20) + "\"";
        yield return "npmScopes:\n  corp:\n    npmAuthToken: \"" + Samples.Hex(40) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "npmAuthToken: \"${NPM_TOKEN}\"";
        yield return "npmAuthToken: ${NPM_TOKEN:-}";
        yield return "npmAuthToken: <your-token>";
        yield return "npmAlwaysAuth: true";
    }
}
