using Shipgate.Core;
using Shipgate.Testing;

namespace Shipgate.Iac.Tests.Iam;

/// <summary>Invariants over every IAM, TF and CFN rule of the cloud infrastructure scanner.</summary>
public sealed class CloudRuleCatalogTests
{
    private static readonly string[] KnownPeers = ["checkov", "trivy", "parliament", "cloudsplaining", "concept"];

    private static readonly string[] OwnNamespaces = ["Shipgate.Iac.Iam", "Shipgate.Iac.Terraform", "Shipgate.Iac.CloudFormation"];

    public static TheoryData<string> RuleIds() => [.. new CloudInfrastructureScanner().Rules.Select(r => r.Metadata.Id)];

    [Fact]
    public void Every_concrete_rule_type_is_registered() =>
        RuleCatalogChecks.EveryRuleTypeIsRegistered(typeof(CloudInfrastructureScanner).Assembly, new CloudInfrastructureScanner().Rules, OwnNamespaces);

    [Fact]
    public void Ids_and_names_are_unique_and_in_order() => RuleCatalogChecks.IdsAndNamesAreUnique(new CloudInfrastructureScanner().Rules, sorted: true);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Metadata_follows_the_conventions(string id) =>
        RuleCatalogChecks.MetadataFollowsConventions(new CloudInfrastructureScanner().Rules.Single(r => r.Metadata.Id == id), Category.Iac, ["IAM", "TF", "CFN"], KnownPeers);

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
}
