using Shipgate.Containers.Rules;
using Shipgate.Core;
using Shipgate.Testing;

namespace Shipgate.Containers.Tests;

public sealed class RuleCatalogTests
{
    private static readonly string[] KnownPeers = ["hadolint", "trivy", "checkov", "concept"];

    public static TheoryData<string> RuleIds() => [.. DockerfileRules.All().Select(r => r.Metadata.Id)];

    [Fact]
    public void Every_concrete_rule_type_is_registered() =>
        RuleCatalogChecks.EveryRuleTypeIsRegistered(typeof(DockerfileScanner).Assembly, DockerfileRules.All().Concat(Shipgate.Containers.Images.Rules.ImageRules.All()));

    [Fact]
    public void Ids_and_names_are_unique()
    {
        RuleCatalogChecks.IdsAndNamesAreUnique(DockerfileRules.All(), sorted: false);
        DockerfileRules.All().Count.ShouldBeGreaterThanOrEqualTo(70);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Metadata_follows_the_conventions(string id)
    {
        var rule = DockerfileRules.All().Single(r => r.Metadata.Id == id);
        RuleCatalogChecks.MetadataFollowsConventions(rule, Category.Docker, ["DKR"], KnownPeers);
        rule.Metadata.Name.ShouldNotBe(rule.Metadata.Id);
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
}
