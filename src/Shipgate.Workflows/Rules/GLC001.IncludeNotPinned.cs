using Shipgate.Core;
using Shipgate.Workflows.GitLab;

using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC001: included configuration not pinned to a commit.</summary>
public sealed class IncludeNotPinned : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC001", "include-not-pinned", "Included configuration not pinned to a commit", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["concept:GLC-INCLUDE-UNPINNED"],
        Description = "include: project: without a ref (or with a branch or tag), remote: URLs and components referenced by a version tag pull pipeline code that someone else can change; the next pipeline runs whatever that code has become, with this project's variables and runners.",
        Remediation = "Pin project includes and components to a full commit SHA (ref: <sha>, component@<sha>) and vendor remote includes into the repository.",
        Tags = ["security", "supply-chain"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var (source, root) in document.Files)
        {
            foreach (var item in Items(root["include"]))
            {
                switch (item)
                {
                    case YamlMapping map when map["project"] is YamlScalar project:
                        var reference = map.ScalarValue("ref");
                        if (!IsSha(reference))
                        {
                            yield return scope.At(this, source, item, reference is null
                                ? $"The include of project '{project.Value}' has no ref, so it follows the default branch."
                                : $"The include of project '{project.Value}' uses ref '{reference}', which can move; pin a commit SHA.", "project:" + project.Value + "@" + reference);
                        }

                        break;
                    case YamlMapping map when map["remote"] is YamlScalar remote:
                        yield return scope.At(this, source, item, $"The remote include '{remote.Value}' can change at any time and has no integrity check.", "remote:" + remote.Value, severity: remote.Value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Severity.High : Severity.Medium);
                        break;
                    case YamlScalar url when url.Value.StartsWith("http", StringComparison.OrdinalIgnoreCase):
                        yield return scope.At(this, source, item, $"The remote include '{url.Value}' can change at any time and has no integrity check.", "remote:" + url.Value, severity: url.Value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Severity.High : Severity.Medium);
                        break;
                    case YamlMapping map when map["component"] is YamlScalar component:
                        var at = component.Value.LastIndexOf('@');
                        var version = at < 0 ? null : component.Value[(at + 1)..];
                        if (!IsSha(version))
                        {
                            yield return scope.At(this, source, item, $"The component '{component.Value}' is not pinned to a commit SHA.", "component:" + component.Value, severity: Severity.Medium);
                        }

                        break;
                }
            }
        }
    }

    private static bool IsSha(string? value) => value is { Length: 40 } && value.All(char.IsAsciiHexDigit);

    private static IEnumerable<YamlNode> Items(YamlNode? include)
    {
        switch (include)
        {
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    yield return item;
                }

                break;
            case YamlNode node when node is not YamlScalar { IsNull: true }:
                yield return node;
                break;
        }
    }
}
