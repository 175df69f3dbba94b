using System.Globalization;
using System.Text;
using Shipgate.Core;

namespace Shipgate.Workflows.Tests.Rules;

/// <summary>
/// Each rule's docs page (<c>docs/rules/&lt;ID&gt;.md</c>) is rendered from its metadata and its fixtures, so
/// the page and the code cannot drift: SHIPGATE_UPDATE_DOCS=1 rewrites the pages, otherwise they must match.
/// </summary>
public sealed class RuleDocsTests
{
    private static readonly IReadOnlyList<IRule> All = WorkflowRuleCatalog.CreateAll();

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in All)
        {
            data.Add(rule.Metadata.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Docs_page_matches_metadata_and_fixtures(string id)
    {
        var rule = All.Single(r => r.Metadata.Id == id);
        var rendered = Render(rule);
        var path = Path.Combine(RuleCatalogTests.DocsRoot(), id + ".md");
        if (Environment.GetEnvironmentVariable("SHIPGATE_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(RuleCatalogTests.DocsRoot());
            await File.WriteAllTextAsync(path, rendered);
            return;
        }

        File.Exists(path).ShouldBeTrue($"missing {path}; run the tests with SHIPGATE_UPDATE_DOCS=1");
        (await File.ReadAllTextAsync(path)).ShouldBe(rendered);
    }

    internal static string Render(IRule rule)
    {
        var m = rule.Metadata;
        var folder = Path.Combine(FixtureRunner.FixturesRoot, $"{m.Id}.{rule.GetType().Name}");
        var fixture = Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".expected.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal).First();
        var lines = File.ReadAllLines(fixture);
        var zizmor = m.Equivalents.FirstOrDefault(e => e.StartsWith("zizmor:", StringComparison.Ordinal))?["zizmor:".Length..];
        var gitlab = m.Id.StartsWith("GLC", StringComparison.Ordinal);
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"# {m.Id}: {m.Title}\n\n");
        b.Append("| Fact | Value |\n|---|---|\n");
        b.Append(CultureInfo.InvariantCulture, $"| ID | {m.Id} |\n| Name | `{m.Name}` |\n| Category | {m.Category.ToWire()} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| Severity | {m.DefaultSeverity.ToWire()} |\n| Confidence | {m.Confidence.ToWire()} |\n| Status | {m.Status.ToWire()} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| Auto-fix | {(WorkflowRuleCatalog.AutoFixable.Contains(m.Id) ? "yes (`shipgate fix`)" : "no")} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| Equivalents | {string.Join(", ", m.Equivalents.Select(e => "`" + e + "`"))} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| Applies to | {(gitlab ? "`.gitlab-ci.yml` and its local includes" : AppliesTo(fixture))} |\n\n");
        b.Append("## What it detects\n\n").Append(m.Description).Append("\n\n");
        b.Append("## Why it matters\n\n").Append(Why(m)).Append("\n\n");
        b.Append("## How to fix\n\n").Append(m.Remediation).Append("\n\n");
        b.Append("Before:\n\n```yaml\n").Append(Snippet(lines, "# NOT OK")).Append("```\n\n");
        b.Append("After:\n\n```yaml\n").Append(Snippet(lines, "# OK")).Append("```\n\n");
        b.Append("## When to suppress\n\n");
        b.Append(m.Confidence == Confidence.High
            ? "Findings of this rule are rarely wrong; suppress only when the flagged value is provably fixed or trusted in your setup, and say why. "
            : "This rule uses heuristics, so review each finding; suppress the ones where the flagged value is provably fixed or trusted, and say why. ");
        b.Append(CultureInfo.InvariantCulture, $"Add `# shipgate:ignore[{m.Id}]` on the reported line, or an `ignore` entry in `.shipgate.yml`");
        b.Append(zizmor is null ? ".\n\n" : CultureInfo.InvariantCulture.TextInfo.ToLower($"; an existing `# zizmor: ignore[{zizmor}]` comment on the reported feature is honoured too.\n\n"));
        b.Append("## References\n\n");
        if (zizmor is not null)
        {
            b.Append(CultureInfo.InvariantCulture, $"- zizmor audit `{zizmor}`: https://docs.zizmor.sh/audits/#{zizmor}\n");
        }

        b.Append(gitlab
            ? "- GitLab: Pipeline security, https://docs.gitlab.com/ci/pipeline_security/\n"
            : "- GitHub: Security hardening for GitHub Actions, https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions\n");
        return b.ToString();
    }

    private static string AppliesTo(string fixture) => Path.GetFileName(fixture) switch
    {
        "dependabot.yml" => "`.github/dependabot.yml`",
        ".pre-commit-config.yaml" => "`.pre-commit-config.yaml`",
        "action.yml" => "composite actions (`action.yml`)",
        _ => "GitHub Actions workflows (`.github/workflows/*.yml`) and composite actions",
    };

    private static string Why(RuleMetadata m)
    {
        var reasons = new List<string>();
        if (m.Tags.Contains("injection"))
        {
            reasons.Add("Injected code runs on the runner with the job's token, secrets and network access, so one crafted title or branch name can push to the repository or publish a release.");
        }

        if (m.Tags.Contains("secrets"))
        {
            reasons.Add("Leaked CI credentials are reused within minutes by automated scanners, and a pipeline secret usually unlocks production or a package registry.");
        }

        if (m.Tags.Contains("supply-chain"))
        {
            reasons.Add("Build pipelines are a favoured supply-chain target: whatever runs in CI can alter what you ship to every user.");
        }

        if (m.Tags.Contains("transport"))
        {
            reasons.Add("Unverified connections let anyone on the network path change what the pipeline downloads or read what it sends.");
        }

        if (m.Tags.Contains("least-privilege") || m.Tags.Contains("deployment"))
        {
            reasons.Add("Every unnecessary permission or ungated deployment widens what a single compromised step can do.");
        }

        if (reasons.Count == 0)
        {
            reasons.Add("It makes the pipeline harder to review and easier to get wrong, which is how real compromises start.");
        }

        return string.Join(' ', reasons) + string.Create(CultureInfo.InvariantCulture, $" Default severity: {m.DefaultSeverity.ToWire()}.");
    }

    private static string Snippet(string[] lines, string marker)
    {
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith(marker, StringComparison.Ordinal) && (marker != "# OK" || !l.Contains("NOT", StringComparison.Ordinal)));
        if (index < 0 || index + 1 >= lines.Length)
        {
            return "# (see the fixtures)\n";
        }

        var target = lines[index + 1];
        var indent = target.Length - target.TrimStart().Length;
        var taken = new List<string> { target };
        for (var i = index + 2; i < lines.Length && taken.Count < 6; i++)
        {
            var line = lines[i];
            var lineIndent = line.Length - line.TrimStart().Length;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith("# OK", StringComparison.Ordinal) || line.TrimStart().StartsWith("# NOT OK", StringComparison.Ordinal)
                || lineIndent < indent || (lineIndent == indent && line.TrimStart().StartsWith("- ", StringComparison.Ordinal)))
            {
                break;
            }

            taken.Add(line);
        }

        var dedent = taken.Min(l => l.Trim().Length == 0 ? int.MaxValue : l.Length - l.TrimStart().Length);
        return string.Concat(taken.Select(l => (l.Length >= dedent ? l[dedent..] : l.TrimStart()) + "\n"));
    }
}
