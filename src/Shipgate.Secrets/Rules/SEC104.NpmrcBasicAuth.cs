using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC104: <c>_auth=</c> in <c>.npmrc</c>: base64 of <c>user:password</c>, verified by decoding.</summary>
public sealed partial class NpmrcBasicAuth : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC104",
        Name: "npmrc-basic-auth",
        Title: "Base64 user and password in .npmrc _auth",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds the `_auth` setting of an .npmrc file, which holds `username:password` encoded as base64, and confirms it by decoding the value. "
            + "Base64 is an encoding, not protection: the registry password is readable by anyone who sees the file.",
        Remediation = "Change the registry password or token, and move authentication to a per-user ~/.npmrc or to `_authToken=${NPM_TOKEN}` set from the CI secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["_auth"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<![\w-])_auth[ \t]*=[ \t]*[""']?(?<secret>[A-Za-z0-9+/]{8,684}={0,2})(?![A-Za-z0-9+/=])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match) => BasicAuthHeader.TryDecodeCredentials(secret, out _, out _);

    public override IEnumerable<string> TruePositives()
    {
        yield return "//artifactory.corp.local/api/npm/npm/:_auth=" + BasicAuthHeader.SampleCredentials();
        yield return "_auth = \"" + BasicAuthHeader.SampleCredentials() + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "_auth=${NPM_AUTH}";
        yield return "_auth=" + Convert.ToBase64String("no-colon-here"u8.ToArray());
        yield return "_auth=" + Convert.ToBase64String("user:${NPM_PASSWORD}"u8.ToArray());
        yield return "_authToken=${NPM_TOKEN}";
    }
}
