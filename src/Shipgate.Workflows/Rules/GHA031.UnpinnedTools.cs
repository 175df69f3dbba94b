using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA031: setup actions that download the latest tool release because no version is given.</summary>
public sealed class UnpinnedTools : WorkflowRule<GitHubDocument>
{
    private static readonly (string Action, string Input)[] Installers =
    [
        ("aquasecurity/setup-trivy", "version"),
        ("1password/load-secrets-action", "version"),
        ("aquasecurity/trivy-action", "version"),
        ("sigstore/cosign-installer", "cosign-release"),
        ("anchore/sbom-action/download-syft", "syft-version"),
        ("hashicorp/setup-terraform", "terraform_version"),
        ("azure/setup-helm", "version"),
        ("azure/setup-kubectl", "version"),
    ];

    public override RuleMetadata Metadata { get; } = new(
        "GHA031", "unpinned-tools", "Setup action installs an unpinned tool version", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["zizmor:unpinned-tools"],
        Description = "Pinning a setup action by SHA does not pin the tool it downloads: with no version (or latest) the newest release runs, so a compromised release reaches CI at once.",
        Remediation = "Set the version input to an exact release (version: v0.58.1).",
        Tags = ["security", "supply-chain"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var step in document.Steps)
        {
            if (step.IsDisabled || step.Uses is not { Kind: UsesKind.Repository } uses || step.UsesScalar is not { } usesScalar)
            {
                continue;
            }

            foreach (var (action, input) in Installers)
            {
                if (!string.Equals(uses.Target, action, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var entry = step.With?.Entry(input);
                if (entry is null)
                {
                    yield return scope.AtUses(this, usesScalar, step.Node, $"Step '{step.DisplayName}' installs the latest release because '{input}' is not set.");
                }
                else if (entry.Value is YamlScalar value && value.Value.Trim().Equals("latest", StringComparison.OrdinalIgnoreCase))
                {
                    yield return scope.AtEntry(this, entry, $"Step '{step.DisplayName}' installs the latest release ({input}: latest).", uses.Target + ":latest");
                }
                else if (entry.Value is YamlScalar expr && expr.Value.Contains("${{", StringComparison.Ordinal))
                {
                    yield return scope.AtEntry(this, entry, $"Step '{step.DisplayName}' takes the tool version from an expression, which may resolve to latest.", uses.Target + ":" + expr.Value.Trim(), confidence: Confidence.Low);
                }
            }
        }
    }
}
