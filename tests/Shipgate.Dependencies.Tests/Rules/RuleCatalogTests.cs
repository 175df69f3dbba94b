using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Dependencies.Rules;
using Shipgate.Dependencies.Tests.Support;

namespace Shipgate.Dependencies.Tests.Rules;

/// <summary>Invariants over the explicit DEP rule list: completeness, metadata conventions, docs and fixtures.</summary>
public sealed partial class RuleCatalogTests
{
    public static TheoryData<string> RuleIds() => [.. DependencyRules.Create().Select(r => r.Metadata.Id)];

    [Fact]
    public void Every_concrete_rule_type_is_registered()
    {
        // Given every rule class in the assembly
        var registered = DependencyRules.Create().Select(r => r.GetType()).ToHashSet();
        var defined = typeof(DependencyScanner).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t));

        // Then each one is in the explicit list, and the scanner runs that list
        defined.Where(t => !registered.Contains(t)).Select(t => t.Name).ShouldBeEmpty();
        new DependencyScanner().Rules.Select(r => r.GetType()).ShouldBe(DependencyRules.Create().Select(r => r.GetType()));
    }

    [Fact]
    public void Ids_and_names_are_unique_and_the_list_is_sorted()
    {
        var rules = DependencyRules.Create();
        rules.Select(r => r.Metadata.Id).ShouldBeUnique();
        rules.Select(r => r.Metadata.Name).ShouldBeUnique();
        rules.Select(r => r.Metadata.Id).ShouldBe(rules.Select(r => r.Metadata.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Metadata_follows_the_conventions(string id)
    {
        var rule = DependencyRules.Create().Single(r => r.Metadata.Id == id);
        var meta = rule.Metadata;

        IdPattern().IsMatch(meta.Id).ShouldBeTrue();
        KebabPattern().IsMatch(meta.Name).ShouldBeTrue(meta.Name);
        meta.Name.Replace("-", "", StringComparison.Ordinal).ShouldBe(rule.GetType().Name, StringCompareShould.IgnoreCase);
        meta.Category.ShouldBe(Category.Deps);
        meta.Title.ShouldNotEndWith(".");
        meta.Description.ShouldNotBeNullOrWhiteSpace();
        meta.Remediation.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Docs_page_and_fixture_cases_exist(string id)
    {
        var rule = DependencyRules.Create().Single(r => r.Metadata.Id == id);
        var page = Path.Combine(Shipgate.Testing.SourceTree.RuleDocs, id + ".md");
        File.Exists(page).ShouldBeTrue($"docs/rules/{id}.md is missing");
        File.ReadAllText(page).ShouldStartWith($"# {id}");

        var folder = Path.Combine(Golden.OutputRoot, RuleFixtureTests.Root, id + "." + rule.GetType().Name);
        Directory.Exists(folder).ShouldBeTrue(folder);
        var cases = Directory.GetDirectories(folder).Select(d => Path.GetFileName(d)!).ToList();
        cases.ShouldContain(c => c.StartsWith("bad", StringComparison.Ordinal), $"{id} needs a bad-* case that fires");
        cases.ShouldContain(c => c.StartsWith("good", StringComparison.Ordinal), $"{id} needs a good-* case that stays quiet");
    }

    [GeneratedRegex(@"^DEP\d{3}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KebabPattern();
}
