using System.Globalization;
using System.Text;
using Shipgate.Core;
using Shipgate.Iac.Kubernetes;

namespace Shipgate.Iac.Tests.Kubernetes;

/// <summary>
/// Keeps docs/rules/K8Sxxx.md in step with the rule metadata and fixtures: the page is rendered from both (the first
/// document of Invalid.yaml is the "before", of Valid.yaml the "after") and must match the committed file.
/// SHIPGATE_UPDATE_DOCS=1 rewrites the pages.
/// </summary>
public sealed class KubernetesRuleDocsTests
{
    private static readonly (string Tag, string Text)[] WhenToSuppress =
    [
        ("cwe-798", "Only when the value is provably not a credential (a placeholder replaced at deploy time, a public identifier). Rotate the credential if a real one was ever committed."),
        ("rbac", "For roles bound only to cluster administrators or to a controller whose documentation requires the permission; record why next to the suppression."),
        ("injection", "Only after confirming the controller is not ingress-nginx, or runs a version with annotation validation enabled."),
        ("supply-chain", "For images built and deployed by the same pipeline that rewrites the reference, or for local development manifests."),
        ("reliability", "For workloads where the platform sets the value (a LimitRange or an admission policy), or for short-lived tooling."),
        ("network", "When the exposure is intended and protected elsewhere (a cloud firewall, an authenticating gateway)."),
        ("security", "For node agents and infrastructure components that genuinely need the access (CNI plugins, storage drivers, monitoring agents), in a namespace of their own; keep the suppression next to the setting with a reason."),
    ];

    public static TheoryData<string> RuleIds() => [.. KubernetesRuleCatalog.All().Select(r => r.Metadata.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Docs_page_matches_metadata(string id)
    {
        var rule = KubernetesRuleCatalog.All().Single(r => r.Metadata.Id == id);
        var page = Render(rule);
        var path = Path.Combine(KubernetesTestPaths.RepositoryRoot, RuleDocs.RelativePathFor(id));
        if (Environment.GetEnvironmentVariable("SHIPGATE_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, page);
            return;
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing; run with SHIPGATE_UPDATE_DOCS=1");
        File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(page, "docs page is out of date; run with SHIPGATE_UPDATE_DOCS=1");
    }

    private static string Render(IRule rule)
    {
        var m = rule.Metadata;
        var folder = KubernetesTestPaths.FixtureFolder(rule);
        var before = FirstDocument(Path.Combine(folder, "Invalid.yaml"));
        var after = FirstDocument(Path.Combine(folder, "Valid.yaml"));
        var sentences = m.Description.Split(". ", 2, StringSplitOptions.None);
        var what = sentences[0].TrimEnd('.') + ".";
        var why = sentences.Length > 1 ? sentences[1] : m.Description;
        var suppress = WhenToSuppress.First(w => m.Tags.Contains(w.Tag) || w.Tag == "security");

        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"# {m.Id}: {m.Title}\n\n");
        b.Append("| Fact | Value |\n|---|---|\n");
        b.Append(CultureInfo.InvariantCulture, $"| ID | `{m.Id}` |\n| Name | `{m.Name}` |\n| Category | iac (Kubernetes) |\n");
        b.Append(CultureInfo.InvariantCulture, $"| Severity | {m.DefaultSeverity.ToString().ToLowerInvariant()} |\n| Confidence | {m.Confidence.ToString().ToLowerInvariant()} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| Status | {m.Status.ToString().ToLowerInvariant()} |\n| Auto-fix | no |\n");
        b.Append(CultureInfo.InvariantCulture, $"| Equivalents | {string.Join(", ", m.Equivalents.Select(e => "`" + e + "`"))} |\n\n");
        b.Append(CultureInfo.InvariantCulture, $"## What it detects\n\n{what}\n\n");
        b.Append(CultureInfo.InvariantCulture, $"## Why it matters\n\n{why}\n\n");
        b.Append(CultureInfo.InvariantCulture, $"## How to fix\n\n{m.Remediation}\n\nBefore:\n\n```yaml\n{before}```\n\nAfter:\n\n```yaml\n{after}```\n\n");
        b.Append(CultureInfo.InvariantCulture, $"## When to suppress\n\n{suppress.Text}\n\n");
        b.Append(CultureInfo.InvariantCulture, $"Suppress one finding with `# shipgate:ignore[{m.Id}] <reason>` on the line above the reported setting.\n\n");
        b.Append("## References\n\n- [Kubernetes Pod Security Standards](https://kubernetes.io/docs/concepts/security/pod-security-standards/)\n");
        if (m.Tags.Contains("rbac"))
        {
            b.Append("- [Kubernetes RBAC good practices](https://kubernetes.io/docs/concepts/security/rbac-good-practices/)\n");
        }

        foreach (var equivalent in m.Equivalents)
        {
            var (peer, id) = (equivalent.Split(':')[0], equivalent.Split(':')[1]);
            b.Append(peer switch
            {
                "trivy" => $"- Trivy misconfiguration check {id}\n",
                "checkov" => $"- Checkov policy {id}\n",
                "polaris" => $"- Polaris check `{id}`\n",
                "kubesec" => $"- kubesec rule `{id}`\n",
                "kube-score" => $"- kube-score check `{id}`\n",
                _ => "",
            });
        }

        return b.ToString();
    }

    // The first YAML document of a fixture without the test markers, as a user would write it.
    private static string FirstDocument(string path)
    {
        var b = new StringBuilder();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line == "---")
            {
                break;
            }

            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("# OK", StringComparison.Ordinal) || trimmed.StartsWith("# NOT OK", StringComparison.Ordinal))
            {
                continue;
            }

            b.Append(line).Append('\n');
        }

        return b.ToString();
    }
}
