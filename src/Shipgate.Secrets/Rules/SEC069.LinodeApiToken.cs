using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC069: a Linode personal access token (64 hex) assigned to a Linode token name.</summary>
public sealed partial class LinodeApiToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC069",
        Name: "linode-api-token",
        Title: "Linode (Akamai) API token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Description = "Detects Linode (Akamai Cloud) personal access tokens, 64 hex characters, when they appear near the word Linode "
            + "and a token or key name, as in LINODE_TOKEN or a Terraform linode provider block. The format has no prefix. A "
            + "read-write token can create, rebuild and delete Linodes, volumes and LKE clusters and read their root "
            + "passwords and kubeconfigs.",
        Remediation = "Revoke the token in Cloud Manager (My Profile > API Tokens), review the account's event log, and create a "
            + "token with the smallest scopes and an expiry, loaded from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["linode"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "LINODE_TOKEN=" + TokenFormats.Hex(64);
        yield return "provider \"linode\" {\n  token = \"" + TokenFormats.Hex(64) + "\"\n}";
        yield return "linode_api_token: " + TokenFormats.Hex(64);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "LINODE_TOKEN=${LINODE_TOKEN}";
        yield return "LINODE_TOKEN=" + TokenFormats.Hex(63);
        yield return "image: linode/cli@sha256:" + TokenFormats.Hex(64);
        yield return "token = \"" + TokenFormats.Hex(64) + "\"";
    }

    [GeneratedRegex(
        """(?i:linode)[\s\S]{0,80}?(?i:token|key|pat)\w{0,5}["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[a-f0-9]{64})(?![A-Za-z0-9])""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
