using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA030: GitHub App tokens minted broader or longer-lived than needed (actions/create-github-app-token).</summary>
public sealed class GitHubApp : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA030", "github-app", "GitHub App token broader or longer-lived than needed", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["zizmor:github-app"],
        Description = "actions/create-github-app-token mints an installation token: without explicit permission-* inputs it carries every permission of the app, with owner: but no repositories: it covers every repository of the installation, and skip-token-revoke keeps it valid after the job.",
        Remediation = "Pass repositories: and the permission-* inputs the job needs, and leave token revocation on.",
        Tags = ["security", "least-privilege"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var step in document.Steps)
        {
            if (step.Uses?.Matches("actions/create-github-app-token") != true || step.With is not { } with)
            {
                continue;
            }

            if (with.Entry("skip-token-revoke") is { Value: YamlScalar skip } skipEntry)
            {
                var expression = skip.Value.Contains("${{", StringComparison.Ordinal);
                if (expression || skip.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    yield return scope.AtEntry(this, skipEntry, $"Step '{step.DisplayName}' may skip revoking the app token, so it stays valid after the job ends.", "skip-token-revoke:" + step.DisplayName, confidence: expression ? Confidence.Low : Confidence.High);
                }
            }

            var permissions = with.Entries.Where(e => e.Key.Value.StartsWith("permission-", StringComparison.Ordinal)).ToList();
            var repositoryLevel = permissions.Any(e => !IsOrganisationPermission(e.Key.Value["permission-".Length..]));
            if (with.Entry("owner") is { } owner && !with.ContainsKey("repositories") && (permissions.Count == 0 || repositoryLevel))
            {
                yield return scope.AtEntry(this, owner, $"Step '{step.DisplayName}' mints a token for every repository of the owner's installation (owner: without repositories:).", "owner:" + step.DisplayName);
            }

            if (permissions.Count == 0 && step.UsesScalar is { } uses)
            {
                yield return scope.AtUses(this, uses, step.Node, $"Step '{step.DisplayName}' requests no permission-* inputs, so the token gets every permission of the app.");
            }
        }
    }

    private static bool IsOrganisationPermission(string name) =>
        name is "members" || name.StartsWith("organization", StringComparison.Ordinal);
}
