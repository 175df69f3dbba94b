using System.Text.RegularExpressions;
using Shipgate.Containers.Rules;
using Shipgate.Core;

namespace Shipgate.Containers.Tests;

public sealed partial class RuleCatalogTests
{
    private static readonly string[] KnownPeers = ["hadolint", "trivy", "checkov", "concept"];

    public static TheoryData<string> RuleIds() => [.. DockerfileRules.All().Select(r => r.Metadata.Id)];

    [Fact]
    public void Every_concrete_rule_type_is_registered()
    {
        // Given every rule class in the assembly
        var registered = DockerfileRules.All().Concat(Shipgate.Containers.Images.Rules.ImageRules.All()).Select(r => r.GetType()).ToHashSet();
        var defined = typeof(DockerfileScanner).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t));

        // Then each is in the explicit list
        defined.Where(t => !registered.Contains(t)).Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Ids_and_names_are_unique()
    {
        var rules = DockerfileRules.All();
        rules.Select(r => r.Metadata.Id).ShouldBeUnique();
        rules.Select(r => r.Metadata.Name).ShouldBeUnique();
        rules.Count.ShouldBeGreaterThanOrEqualTo(70);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Metadata_follows_the_conventions(string id)
    {
        var rule = DockerfileRules.All().Single(r => r.Metadata.Id == id);
        var meta = rule.Metadata;

        IdPattern().IsMatch(meta.Id).ShouldBeTrue();
        KebabPattern().IsMatch(meta.Name).ShouldBeTrue(meta.Name);
        meta.Name.Replace("-", "", StringComparison.Ordinal).ShouldBe(rule.GetType().Name, StringCompareShould.IgnoreCase);
        meta.Name.ShouldNotBe(meta.Id);
        meta.Category.ShouldBe(Category.Docker);
        meta.Title.ShouldNotEndWith(".");
        meta.Description.ShouldNotBeNullOrWhiteSpace();
        meta.Remediation.ShouldNotBeNullOrWhiteSpace();
        meta.Equivalents.ShouldNotBeEmpty();
        meta.Equivalents.ShouldAllBe(e => KnownPeers.Contains(e.Split(':', 2)[0]));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Docs_page_and_fixture_folder_exist(string id)
    {
        var rule = DockerfileRules.All().Single(r => r.Metadata.Id == id);
        File.Exists(Path.Combine(TestPaths.RepositoryRoot, RuleDocs.RelativePathFor(id))).ShouldBeTrue($"docs/rules/{id}.md is missing");

        var folder = Path.Combine(TestPaths.Fixtures, id + "." + rule.GetType().Name);
        Directory.Exists(folder).ShouldBeTrue(folder);
        var text = string.Concat(Directory.GetFiles(folder, "*.Dockerfile").Select(File.ReadAllText));
        text.ShouldContain("# NOT OK");
        text.ShouldContain("# OK");
    }

    [GeneratedRegex(@"^DKR\d{3}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KebabPattern();
}
