using System.Globalization;
using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA029: Dependabot proposes releases the moment they appear, before a compromise is noticed.</summary>
public sealed class DependabotCooldown : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA029", "dependabot-cooldown", "Dependabot updates without a cooldown", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["zizmor:dependabot-cooldown"],
        Description = "Malicious releases of popular packages are usually caught within days; without cooldown.default-days Dependabot proposes them immediately, and auto-merge or a hurried review ships them.",
        Remediation = "Add cooldown: default-days: 7 (or more) to every update entry. The minimum is the rule option min-days.",
        Tags = ["security", "supply-chain"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (document.Kind != GitHubDocumentKind.Dependabot || document.Root["updates"] is not YamlSequence updates)
        {
            yield break;
        }

        var minimum = int.TryParse(scope.Context.Option(this, "min-days"), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 7;
        foreach (var update in updates.Items.OfType<YamlMapping>())
        {
            var ecosystem = update.ScalarValue("package-ecosystem") ?? "?";
            var material = ecosystem + ":" + update.ScalarValue("directory");
            switch (update.Entry("cooldown"))
            {
                case null:
                    yield return scope.Hit(this, scope.Source.Span(update.Start.Offset, update.Entries.Count > 0 ? update.Entries[0].Value.End.Offset : update.End.Offset), $"Dependabot updates for '{ecosystem}' have no cooldown, so new releases are proposed immediately.", material, feature: update);
                    break;
                case { Value: YamlMapping cooldown } entry when cooldown.Entry("default-days") is not { } days:
                    yield return scope.AtEntry(this, entry, $"The cooldown for '{ecosystem}' sets no default-days.", material);
                    break;
                case { Value: YamlMapping cooldown }:
                    var daysEntry = cooldown.Entry("default-days")!;
                    if (daysEntry.Value is YamlScalar value && int.TryParse(value.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var daysValue) && daysValue < minimum)
                    {
                        yield return scope.AtEntry(this, daysEntry, $"The cooldown for '{ecosystem}' is {daysValue} day(s), shorter than the minimum of {minimum}.", material);
                    }

                    break;
                case { } other:
                    yield return scope.AtEntry(this, other, $"The cooldown for '{ecosystem}' sets no default-days.", material);
                    break;
            }
        }
    }
}
