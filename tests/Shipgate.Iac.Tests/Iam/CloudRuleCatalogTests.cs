using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Iac.Tests.Iam;

/// <summary>Invariants over every IAM, TF and CFN rule of the cloud infrastructure scanner.</summary>
public sealed partial class CloudRuleCatalogTests
{
    private static readonly string[] KnownPeers = ["checkov", "trivy", "parliament", "cloudsplaining", "concept"];

    private static readonly string[] OwnNamespaces = ["Shipgate.Iac.Iam", "Shipgate.Iac.Terraform", "Shipgate.Iac.CloudFormation"];

    public static TheoryData<string> RuleIds() => [.. new CloudInfrastructureScanner().Rules.Select(r => r.Metadata.Id)];

    [Fact]
    public void Every_concrete_rule_type_is_registered()
    {
        // Given every rule class in the IAM, Terraform and CloudFormation namespaces
        var registered = new CloudInfrastructureScanner().Rules.Select(r => r.GetType()).ToHashSet();
        var defined = typeof(CloudInfrastructureScanner).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t)
                && OwnNamespaces.Any(n => t.Namespace?.StartsWith(n, StringComparison.Ordinal) == true));

        // Then each one is in an explicit list
        defined.Where(t => !registered.Contains(t)).Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Ids_and_names_are_unique_and_in_order()
    {
        var rules = new CloudInfrastructureScanner().Rules;
        rules.Select(r => r.Metadata.Id).ShouldBeUnique();
        rules.Select(r => r.Metadata.Name).ShouldBeUnique();
        foreach (var family in new[] { "IAM", "TF", "CFN" })
        {
            var ids = rules.Select(r => r.Metadata.Id).Where(id => IdPattern().Match(id).Groups[1].Value == family).ToList();
            ids.ShouldBe(ids.Order(StringComparer.Ordinal).ToList());
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Metadata_follows_the_conventions(string id)
    {
        var rule = new CloudInfrastructureScanner().Rules.Single(r => r.Metadata.Id == id);
        var meta = rule.Metadata;

        IdPattern().IsMatch(meta.Id).ShouldBeTrue();
        KebabPattern().IsMatch(meta.Name).ShouldBeTrue(meta.Name);
        meta.Name.Replace("-", "", StringComparison.Ordinal).ShouldBe(rule.GetType().Name, StringCompareShould.IgnoreCase);
        meta.Category.ShouldBe(Category.Iac);
        meta.Title.ShouldNotEndWith(".");
        meta.Description.ShouldNotBeNullOrWhiteSpace();
        meta.Remediation.ShouldNotBeNullOrWhiteSpace();
        meta.Equivalents.ShouldNotBeEmpty();
        meta.Equivalents.ShouldAllBe(e => KnownPeers.Contains(e.Split(':', 2)[0]));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Docs_page_and_fixtures_exist(string id)
    {
        var rule = new CloudInfrastructureScanner().Rules.Single(r => r.Metadata.Id == id);
        File.Exists(Path.Combine(CloudScan.RepositoryRoot, RuleDocs.RelativePathFor(id))).ShouldBeTrue($"docs/rules/{id}.md is missing");
        var folder = CloudScan.FixtureFolder(rule);
        Directory.Exists(folder).ShouldBeTrue(folder);
        var files = Directory.GetFiles(folder).Where(f => !f.EndsWith(".expected.txt", StringComparison.Ordinal)).ToList();
        var text = string.Concat(files.Select(File.ReadAllText));
        var names = files.Select(Path.GetFileName).ToList();
        (text.Contains("NOT OK", StringComparison.Ordinal) || names.Any(n => n!.StartsWith("fire", StringComparison.Ordinal))).ShouldBeTrue("no must-fire case");
        (text.Contains("# OK", StringComparison.Ordinal) || names.Any(n => n!.StartsWith("clean", StringComparison.Ordinal))).ShouldBeTrue("no must-not-fire case");
    }

    [GeneratedRegex(@"^(IAM|TF|CFN)\d{3}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KebabPattern();
}
