using Shipgate.Core;
using Shipgate.Dependencies.Rules;
using Shipgate.Dependencies.Tests.Support;
using Shipgate.Testing;

namespace Shipgate.Dependencies.Tests.Rules;

/// <summary>Invariants over the explicit DEP rule list: completeness, metadata conventions, docs and fixtures.</summary>
public sealed class RuleCatalogTests
{
    public static TheoryData<string> RuleIds() => [.. DependencyRules.Create().Select(r => r.Metadata.Id)];

    [Fact]
    public void Every_concrete_rule_type_is_registered()
    {
        RuleCatalogChecks.EveryRuleTypeIsRegistered(typeof(DependencyScanner).Assembly, DependencyRules.Create());
        new DependencyScanner().Rules.Select(r => r.GetType()).ShouldBe(DependencyRules.Create().Select(r => r.GetType()));
    }

    [Fact]
    public void Ids_and_names_are_unique_and_the_list_is_sorted() => RuleCatalogChecks.IdsAndNamesAreUnique(DependencyRules.Create(), sorted: true);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Metadata_follows_the_conventions(string id) =>
        RuleCatalogChecks.MetadataFollowsConventions(DependencyRules.Create().Single(r => r.Metadata.Id == id), Category.Deps, ["DEP"], peers: null);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Docs_page_and_fixture_cases_exist(string id)
    {
        var rule = DependencyRules.Create().Single(r => r.Metadata.Id == id);
        var page = Path.Combine(SourceTree.RuleDocs, id + ".md");
        File.Exists(page).ShouldBeTrue($"docs/rules/{id}.md is missing");
        File.ReadAllText(page).ShouldStartWith($"# {id}");

        var folder = Path.Combine(Golden.OutputRoot, RuleFixtureTests.Root, id + "." + rule.GetType().Name);
        Directory.Exists(folder).ShouldBeTrue(folder);
        var cases = Directory.GetDirectories(folder).Select(d => Path.GetFileName(d)!).ToList();
        cases.ShouldContain(c => c.StartsWith("bad", StringComparison.Ordinal), $"{id} needs a bad-* case that fires");
        cases.ShouldContain(c => c.StartsWith("good", StringComparison.Ordinal), $"{id} needs a good-* case that stays quiet");
    }
}
