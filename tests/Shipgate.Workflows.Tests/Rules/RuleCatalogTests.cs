using Shipgate.Core;
using Shipgate.Testing;

namespace Shipgate.Workflows.Tests.Rules;

/// <summary>Invariants over the explicit rule list: complete, well-formed, documented, with fixtures.</summary>
public sealed class RuleCatalogTests
{
    private static readonly IReadOnlyList<IRule> All = WorkflowRuleCatalog.CreateAll();

    private static readonly string[] KnownPeers = ["zizmor", "concept", "poutine", "checkov", "kics"];

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in All)
        {
            data.Add(rule.Metadata.Id);
        }

        return data;
    }

    [Fact]
    public void Every_concrete_rule_type_is_registered() =>
        RuleCatalogChecks.EveryRuleTypeIsRegistered(typeof(WorkflowRuleCatalog).Assembly, All);

    [Fact]
    public void Ids_and_names_are_unique() => RuleCatalogChecks.IdsAndNamesAreUnique(All, sorted: false);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_metadata_is_well_formed(string id) =>
        RuleCatalogChecks.MetadataFollowsConventions(All.Single(r => r.Metadata.Id == id), Category.Workflows, ["GHA", "GLC"], KnownPeers);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_fixtures_and_a_docs_page(string id)
    {
        var metadata = All.Single(r => r.Metadata.Id == id).Metadata;
        var folder = Path.Combine(FixtureRunner.FixturesRoot, $"{metadata.Id}.{rule(metadata)}");
        Directory.Exists(folder).ShouldBeTrue($"missing fixtures folder {folder}");
        var text = string.Join('\n', Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".expected.txt", StringComparison.Ordinal)).Select(File.ReadAllText));
        text.ShouldContain("# NOT OK");
        text.ShouldContain("# OK");
        File.Exists(Path.Combine(DocsRoot(), metadata.Id + ".md")).ShouldBeTrue($"missing docs/rules/{metadata.Id}.md");

        static string rule(RuleMetadata m) => All.Single(r => r.Metadata.Id == m.Id).GetType().Name;
    }

    internal static string DocsRoot() => SourceTree.RuleDocs;
}
