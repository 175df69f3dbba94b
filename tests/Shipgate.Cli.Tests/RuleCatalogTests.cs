using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Cli.Tests;

/// <summary>Invariants over every rule the shipped binary runs, across all domains.</summary>
public sealed partial class RuleCatalogTests
{
    private static readonly IReadOnlyList<IRule> Rules = Program.CreateScanners().SelectMany(s => s.Rules).ToList();

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in Rules)
        {
            data.Add(rule.Metadata.Id);
        }

        return data;
    }

    [Fact]
    public void Ids_AndNames_AreUniqueAcrossDomains()
    {
        Rules.Select(r => r.Metadata.Id).ShouldBeUnique();
        Rules.Select(r => r.Metadata.Name).ShouldBeUnique();
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_MetadataFollowsTheConventions(string id)
    {
        var rule = Rules.Single(r => r.Metadata.Id == id);
        var meta = rule.Metadata;
        IdPattern().IsMatch(meta.Id).ShouldBeTrue($"{meta.Id}: id must be a family prefix plus three digits");
        KebabPattern().IsMatch(meta.Name).ShouldBeTrue($"{meta.Id}: name '{meta.Name}' must be kebab-case");
        string.Equals(meta.Name.Replace("-", "", StringComparison.Ordinal), rule.GetType().Name, StringComparison.OrdinalIgnoreCase)
            .ShouldBeTrue($"{meta.Id}: name '{meta.Name}' must equal the class name '{rule.GetType().Name}' without hyphens");
        string.Equals(meta.Name, meta.Id, StringComparison.OrdinalIgnoreCase).ShouldBeFalse();
        meta.Title.ShouldNotEndWith(".");
        meta.Description.ShouldNotBeNullOrWhiteSpace($"{meta.Id}: description");
        meta.Remediation.ShouldNotBeNullOrWhiteSpace($"{meta.Id}: remediation");
        meta.Equivalents.ShouldAllBe(e => EquivalentPattern().IsMatch(e), $"{meta.Id}: equivalents are peer:ID");
        meta.HelpUri.ToString().ShouldEndWith($"docs/rules/{meta.Id}.md");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_HasADocsPage(string id)
    {
        var page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
        File.Exists(page).ShouldBeTrue($"missing {page}");
        File.ReadAllText(page).ShouldStartWith($"# {id}");
    }

    private static string RepositoryRoot() => Support.Repository.Root;

    [GeneratedRegex(@"^(SEC|GHA|GLC|DKR|IMG|DEP|K8S|IAM|TF|CFN)\d{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabPattern();

    [GeneratedRegex(@"^[a-z-]+:\S+$")]
    private static partial Regex EquivalentPattern();
}
