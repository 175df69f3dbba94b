using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC172: <c>token:</c> values in the <c>users:</c> section of a kubeconfig.</summary>
public sealed partial class KubeconfigToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC172",
        Name: "kubeconfig-token",
        Title: "Bearer token in a kubeconfig user",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = [],
        Description = "Finds bearer tokens in the users section of a kubeconfig file: service account tokens, bootstrap tokens or static tokens. "
            + "The token authenticates to the Kubernetes API with whatever RBAC rights the identity has, often cluster-admin for CI users.",
        Remediation = "Delete the service account token Secret or bootstrap token (or rotate the static token file), check the audit log, and let CI obtain short-lived tokens (OIDC, exec credential plugins, TokenRequest).",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Supersedes { get; } = ["SEC159"];

    public override IReadOnlyList<string> Keywords { get; } = ["users:"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override int WindowBefore => 4096;

    public override int WindowAfter => 4096;

    [GeneratedRegex(
        @"(?<=(?m:^)users:[ \t]*\r?\n[\s\S]{0,3000}?(?m:^)[ \t]+)token:[ \t]*[""']?(?<secret>[A-Za-z0-9._~+/=:-]{16,4096})",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override IEnumerable<string> TruePositives()
    {
        yield return "apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    token: " + JsonWebToken.Sample("{\"iss\":\"kubernetes/serviceaccount\",\"sub\":\"system:serviceaccount:ci:deployer\"}", "RS256");
        yield return "users:\n  - name: admin\n    user:\n      token: \"" + Samples.LowerAlphaNumeric(6) + "." + Samples.LowerAlphaNumeric(16) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "users:\n- name: ci\n  user:\n    token: ${KUBE_TOKEN}";
        yield return "users:\n- name: oidc\n  user:\n    exec:\n      command: kubelogin";
        yield return "spec:\n  template:\n    token: " + Samples.Mixed(40);
    }
}
