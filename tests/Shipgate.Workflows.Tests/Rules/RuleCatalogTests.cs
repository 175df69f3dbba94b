using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Workflows.Tests.Rules;

/// <summary>Invariants over the explicit rule list: complete, well-formed, documented, with fixtures.</summary>
public sealed partial class RuleCatalogTests
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

    [Fact]
    public void Every_concrete_rule_type_is_registered()
    {
        var registered = All.Select(r => r.GetType()).ToHashSet();
        var defined = typeof(WorkflowRuleCatalog).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t));
        defined.Where(t => !registered.Contains(t)).Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Ids_and_names_are_unique()
    {
        All.Select(r => r.Metadata.Id).ShouldBeUnique();
        All.Select(r => r.Metadata.Name).ShouldBeUnique();
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_metadata_is_well_formed(string id)
    {
        var rule = All.Single(r => r.Metadata.Id == id);
        var metadata = rule.Metadata;
        IdPattern().IsMatch(metadata.Id).ShouldBeTrue();
        metadata.Category.ShouldBe(Category.Workflows);
        metadata.Name.Replace("-", "", StringComparison.Ordinal).ShouldBe(rule.GetType().Name, StringCompareShould.IgnoreCase);
        NamePattern().IsMatch(metadata.Name).ShouldBeTrue();
        metadata.Title.ShouldNotEndWith(".");
        char.IsUpper(metadata.Title[0]).ShouldBeTrue();
        metadata.Description.ShouldNotBeNullOrWhiteSpace();
        metadata.Remediation.ShouldNotBeNullOrWhiteSpace();
        metadata.Equivalents.ShouldNotBeEmpty();
        metadata.Equivalents.ShouldAllBe(e => EquivalentPattern().IsMatch(e));
    }

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

    internal static string DocsRoot() => Shipgate.Testing.SourceTree.RuleDocs;

    [GeneratedRegex(@"^(GHA|GLC)\d{3}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(zizmor|concept|poutine|checkov|kics):[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EquivalentPattern();
}
