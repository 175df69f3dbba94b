using System.Globalization;
using System.Text;
using Shipgate.Containers.Rules;
using Shipgate.Core;

namespace Shipgate.Containers.Tests;

/// <summary>
/// Keeps docs/rules/DKRxxx.md in step with the rule metadata and fixtures: the page is rendered from both and must
/// match the committed file. SHIPGATE_UPDATE_DOCS=1 rewrites the pages.
/// </summary>
public sealed class RuleDocsTests
{
    private static readonly Dictionary<string, string> WhenToSuppress = new(StringComparer.Ordinal)
    {
        ["secrets"] = "Only when the value is provably not a credential (a placeholder replaced at deploy time, a public identifier). Rotate the credential if a real one was ever committed.",
        ["tls"] = "Almost never. Even on an internal network, install the private CA instead of switching verification off.",
        ["supply-chain"] = "When the download or package source is verified another way in the same step (a checksum or signature check the rule cannot see), or the image is a throw-away test image.",
        ["hardening"] = "When the platform enforces the same control outside the image (for example Kubernetes 'runAsUser'), or for a debugging image that never runs in production.",
        ["image-size"] = "For build stages that are discarded, or when the layer is squashed afterwards.",
        ["reproducibility"] = "When versions are pinned elsewhere (a lock or constraints file, a snapshot mirror), or for development images that should track the latest packages.",
        ["correctness"] = "Rarely; the finding usually points at a real mistake. Suppress only with a comment that explains the intent.",
        ["maintainability"] = "When the alternative would be clearly harder to read in this particular Dockerfile.",
        ["style"] = "When a team convention prefers the current form.",
        ["availability"] = "For images run only on Kubernetes (which ignores HEALTHCHECK and uses probes) or for short-lived job containers.",
        ["portability"] = "When the image is built for exactly one platform on purpose.",
    };

    public static TheoryData<string> RuleIds() => [.. DockerfileRules.All().Select(r => r.Metadata.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Docs_page_matches_metadata(string id)
    {
        var rule = DockerfileRules.All().Single(r => r.Metadata.Id == id);
        var page = Render(rule);
        var path = Path.Combine(TestPaths.RepositoryRoot, RuleDocs.RelativePathFor(id));
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
        var (before, after) = Examples(rule);
        var sentences = m.Description.Split(". ", 2, StringSplitOptions.None);
        var what = sentences[0].TrimEnd('.') + ".";
        var why = sentences.Length > 1 ? sentences[1] : m.Description;
        var tag = m.Tags.FirstOrDefault(WhenToSuppress.ContainsKey) ?? "correctness";
        var hadolint = m.Equivalents.FirstOrDefault(e => e.StartsWith("hadolint:", StringComparison.Ordinal));

        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"# {m.Id}: {m.Title}\n\n");
        b.Append("| Fact | Value |\n|---|---|\n");
        b.Append(CultureInfo.InvariantCulture, $"| ID | `{m.Id}` |\n| Name | `{m.Name}` |\n| Category | docker |\n");
        b.Append(CultureInfo.InvariantCulture, $"| Severity | {m.DefaultSeverity.ToString().ToLowerInvariant()} |\n| Confidence | {m.Confidence.ToString().ToLowerInvariant()} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| Status | {m.Status.ToString().ToLowerInvariant()} |\n| Auto-fix | no |\n");
        b.Append(CultureInfo.InvariantCulture, $"| Equivalents | {string.Join(", ", m.Equivalents.Select(e => "`" + e + "`"))} |\n\n");
        b.Append(CultureInfo.InvariantCulture, $"## What it detects\n\n{what}\n\n");
        b.Append(CultureInfo.InvariantCulture, $"## Why it matters\n\n{why}\n\n");
        b.Append(CultureInfo.InvariantCulture, $"## How to fix\n\n{m.Remediation}\n\nBefore:\n\n```dockerfile\n{before}\n```\n\nAfter:\n\n```dockerfile\n{after}\n```\n\n");
        b.Append(CultureInfo.InvariantCulture, $"## When to suppress\n\n{WhenToSuppress[tag]}\n\n");
        b.Append(CultureInfo.InvariantCulture, $"Suppress one finding with `# shipgate:ignore[{m.Id}] <reason>` on the line above the instruction");
        b.Append(hadolint is null ? ".\n\n" : "; `# hadolint ignore=" + hadolint["hadolint:".Length..] + "` is honoured too, for teams migrating from hadolint.\n\n");
        b.Append("## References\n\n- [Dockerfile reference](https://docs.docker.com/reference/dockerfile/)\n");
        foreach (var equivalent in m.Equivalents)
        {
            var (peer, id) = (equivalent.Split(':')[0], equivalent.Split(':')[1]);
            b.Append(peer switch
            {
                "hadolint" => $"- [hadolint {id}](https://github.com/hadolint/hadolint/wiki/{id})\n",
                "trivy" => $"- Trivy misconfiguration check {id}\n",
                "checkov" => $"- Checkov policy {id}\n",
                _ => "",
            });
        }

        return b.ToString();
    }

    private static (string Before, string After) Examples(IRule rule)
    {
        var folder = Path.Combine(TestPaths.Fixtures, rule.Metadata.Id + "." + rule.GetType().Name);
        string? before = null;
        string? after = null;
        foreach (var file in Directory.GetFiles(folder, "*.Dockerfile").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i + 1 < lines.Length; i++)
            {
                if (before is null && lines[i].StartsWith("# NOT OK", StringComparison.Ordinal))
                {
                    before = lines[i + 1];
                }
                else if (after is null && lines[i].StartsWith("# OK", StringComparison.Ordinal))
                {
                    after = lines[i + 1];
                }
            }
        }

        return (before ?? "", after ?? "");
    }
}
