using Shipgate.Core;
using Shipgate.Workflows.Fixes;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA003: the token gets more than it needs: default permissions, read-all/write-all, or write scopes at workflow level.</summary>
public sealed class ExcessivePermissions : WorkflowRule<GitHubDocument>
{
    private static readonly Dictionary<string, Severity> WriteSeverity = new(StringComparer.Ordinal)
    {
        ["actions"] = Severity.High,
        ["attestations"] = Severity.High,
        ["checks"] = Severity.Medium,
        ["contents"] = Severity.High,
        ["deployments"] = Severity.High,
        ["discussions"] = Severity.Medium,
        ["id-token"] = Severity.High,
        ["issues"] = Severity.High,
        ["packages"] = Severity.High,
        ["pages"] = Severity.High,
        ["pull-requests"] = Severity.High,
        ["repository-projects"] = Severity.Medium,
        ["security-events"] = Severity.Medium,
        ["statuses"] = Severity.Low,
    };

    public override RuleMetadata Metadata { get; } = new(
        "GHA003", "excessive-permissions", "Overly broad GITHUB_TOKEN permissions", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["zizmor:excessive-permissions"],
        Description = "Without a permissions: block the token gets the repository default (often read/write on everything); read-all, write-all and workflow-wide write scopes hand every job more power than it needs.",
        Remediation = "Set permissions: {} (or contents: read) at the top of the workflow and grant write scopes only on the jobs that need them. `shipgate fix` adds contents: read at the top and, on each job, the grants its actions need (from a bundled table: softprops/action-gh-release needs contents: write, actions/deploy-pages pages: write and id-token: write, and so on).",
        Tags = ["security", "least-privilege"],
    };

    // Inserts a read-only top-level block before `jobs:`, and on every job that needs more (from the bundled table
    // of what popular actions and gh/git commands need) a job-level block with those grants. A job that calls a
    // reusable workflow could need anything, so such workflows get no automatic fix.
    private static Fix? DefaultPermissionsFix(Workflow workflow, AuditScope scope)
    {
        if (workflow.Root.IsFlow || workflow.Root.Entry("jobs") is not { } jobs || jobs.Key.Start.Column != 1
            || workflow.Jobs.Any(j => j.IsReusableCall))
        {
            return null;
        }

        var newline = scope.Source.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var edits = new List<TextEdit> { new(scope.Source.Lines.OffsetOf(jobs.Key.Start.Line), 0, $"permissions:{newline}  contents: read{newline}{newline}") };
        var granted = new List<string>();
        foreach (var job in workflow.Jobs.Where(j => j.Permissions.Kind == PermissionsKind.Default))
        {
            var needs = new SortedDictionary<string, string>(ActionPermissions.Of(job).ToDictionary(), StringComparer.Ordinal);
            if (needs.All(n => n is { Key: "contents", Value: "read" }))
            {
                continue;
            }

            needs.TryAdd("contents", "read");
            if (job.Node.IsFlow || job.Node.Count == 0
                || YamlFixes.InsertBefore(scope.Source, job.Node.Entry("steps") ?? job.Node.Entries[0], ["permissions:", .. needs.Select(n => $"  {n.Key}: {n.Value}")]) is not { } edit)
            {
                return null;
            }

            edits.Add(edit);
            granted.Add($"{job.Id} ({string.Join(", ", needs.Where(n => n.Key != "contents" || n.Value != "read").Select(n => $"{n.Key}: {n.Value}"))})");
        }

        var description = "Add a read-only permissions: block at the top of the workflow"
            + (granted.Count > 0 ? "; grant " + string.Join("; ", granted) + " on the jobs that need it" : "");
        return new Fix(description, edits);
    }

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (document.Workflow is not { } workflow)
        {
            yield break;
        }

        var allJobsExplicit = workflow.Jobs.All(j => j.Permissions.Kind != PermissionsKind.Default);
        var reusableOnly = workflow.HasTrigger("workflow_call") && workflow.Triggers.Count == 1;
        var workflowPersona = workflow.Jobs.Count == 1 || allJobsExplicit || reusableOnly ? Persona.Pedantic : Persona.Regular;
        var permissions = workflow.Permissions;
        var defaultFix = permissions.Kind == PermissionsKind.Default ? DefaultPermissionsFix(workflow, scope) : null;
        switch (permissions.Kind)
        {
            case PermissionsKind.Default:
                yield return scope.Hit(
                    this,
                    scope.Source.Span(workflow.Root.Start.Offset, workflow.Root.Start.Offset + 1),
                    "The workflow has no permissions: block, so every job without its own gets the repository's default token permissions.",
                    "workflow-default",
                    feature: null,
                    severity: Severity.Medium,
                    confidence: Confidence.Medium,
                    persona: workflowPersona,
                    fix: defaultFix);
                break;
            case PermissionsKind.ReadAll or PermissionsKind.WriteAll:
                var writeAll = permissions.Kind == PermissionsKind.WriteAll;
                yield return scope.AtEntry(
                    this,
                    permissions.Entry!,
                    $"The workflow grants {(writeAll ? "write-all" : "read-all")} permissions to every job.",
                    "workflow:" + (writeAll ? "write-all" : "read-all"),
                    severity: writeAll ? Severity.High : Severity.Medium,
                    persona: workflowPersona);
                break;
            case PermissionsKind.Explicit:
                foreach (var scopeEntry in permissions.Scopes)
                {
                    if (scopeEntry.Value is YamlScalar { Value: "write" })
                    {
                        var name = scopeEntry.Key.Value;
                        yield return scope.AtEntry(
                            this,
                            scopeEntry,
                            $"'{name}: write' is granted at the workflow level, to every job; grant it only on the job that needs it.",
                            "workflow:" + name,
                            severity: WriteSeverity.GetValueOrDefault(name, Severity.Medium),
                            persona: workflowPersona);
                    }
                }

                break;
        }

        var parentExplicit = permissions.Kind != PermissionsKind.Default;
        var jobFix = parentExplicit ? null : defaultFix;
        foreach (var job in workflow.Jobs)
        {
            var persona = job.IsReusableCall || !reusableOnly ? Persona.Regular : Persona.Pedantic;
            switch (job.Permissions.Kind)
            {
                case PermissionsKind.Default when !parentExplicit:
                    yield return scope.Hit(
                        this,
                        scope.Source.Span(job.KeyEntry.Key.Start.Offset, job.KeyEntry.Key.End.Offset),
                        $"Job '{job.Id}' has no permissions: block and the workflow sets none, so it runs with the repository's default token permissions.",
                        "job-default:" + job.Id,
                        feature: job.Node,
                        severity: Severity.Medium,
                        confidence: Confidence.Medium,
                        persona: persona,
                        fix: jobFix);
                    break;
                case PermissionsKind.ReadAll or PermissionsKind.WriteAll:
                    var writeAll = job.Permissions.Kind == PermissionsKind.WriteAll;
                    yield return scope.AtEntry(
                        this,
                        job.Permissions.Entry!,
                        $"Job '{job.Id}' grants {(writeAll ? "write-all" : "read-all")} permissions.",
                        "job:" + job.Id + (writeAll ? ":write-all" : ":read-all"),
                        severity: writeAll ? Severity.High : Severity.Medium,
                        persona: persona);
                    break;
            }
        }
    }
}
