using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC103: A literal <c>_authToken</c> value in an <c>.npmrc</c> file (legacy UUID tokens, private registry tokens).</summary>
public sealed partial class NpmrcAuthToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC103",
        Name: "npmrc-auth-token",
        Title: "Registry auth token in .npmrc",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds a literal registry token in the `_authToken` setting of an .npmrc file: legacy npm UUID tokens, Azure Artifacts, Artifactory or Nexus tokens. "
            + "Committed .npmrc files are a classic leak, and the token usually has publish rights on the scope it is configured for.",
        Remediation = "Revoke the token in the registry, and change the .npmrc line to `_authToken=${NPM_TOKEN}` so the value comes from the environment at install or publish time.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["_authtoken"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<![\w-])_authToken[ \t]*=[ \t]*[""']?(?<secret>[^\s""'$%{][^\s""']{7,511})",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) => !IsCoveredByPrefixRule(secret);

    /// <summary>Values that a dedicated rule with a stronger check reports already (npm, GitHub and GitLab tokens).</summary>
    internal static bool IsCoveredByPrefixRule(string value) =>
        value.StartsWith("npm_", StringComparison.Ordinal) || value.StartsWith("ghp_", StringComparison.Ordinal)
        || value.StartsWith("github_pat_", StringComparison.Ordinal) || value.StartsWith("glpat-", StringComparison.Ordinal);

    public override IEnumerable<string> TruePositives()
    {
        yield return "//registry.npmjs.org/:_authToken=" + Samples.Uuid();
        yield return "//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:_authToken=\"" + Samples.Hex(40) + "\"";
        yield return "_authToken=" + Samples.Uuid();
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "//registry.npmjs.org/:_authToken=${NPM_TOKEN}";
        yield return "//npm.pkg.github.com/:_authToken=$GITHUB_TOKEN";
        yield return "//registry.npmjs.org/:_authToken=YOUR_NPM_TOKEN";
        yield return "//registry.npmjs.org/:_authToken=" + NpmAccessToken.Sample();
    }
}
