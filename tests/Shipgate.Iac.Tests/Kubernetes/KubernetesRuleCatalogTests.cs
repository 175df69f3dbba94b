using Shipgate.Core;
using Shipgate.Iac.Kubernetes;
using Shipgate.Testing;

namespace Shipgate.Iac.Tests.Kubernetes;

/// <summary>Invariants over <see cref="KubernetesRuleCatalog"/>: completeness, conventions, docs and fixtures.</summary>
public sealed class KubernetesRuleCatalogTests
{
    private static readonly string[] KnownPeers = ["trivy", "checkov", "polaris", "kubesec", "kube-score", "concept"];

    public static TheoryData<string> RuleIds() => [.. KubernetesRuleCatalog.All().Select(r => r.Metadata.Id)];

    [Fact]
    public void Every_concrete_Kubernetes_rule_type_is_registered() =>
        RuleCatalogChecks.EveryRuleTypeIsRegistered(typeof(KubernetesScanner).Assembly, KubernetesRuleCatalog.All(), "Shipgate.Iac.Kubernetes");

    [Fact]
    public void Ids_and_names_are_unique_and_in_order() => RuleCatalogChecks.IdsAndNamesAreUnique(KubernetesRuleCatalog.All(), sorted: true);

    [Fact]
    public void Scanner_exposes_the_catalogue()
    {
        var scanner = new KubernetesScanner();
        scanner.Category.ShouldBe(Category.Iac);
        scanner.Rules.Select(r => r.Metadata.Id).ShouldBe(KubernetesRuleCatalog.All().Select(r => r.Metadata.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Metadata_follows_the_conventions(string id) =>
        RuleCatalogChecks.MetadataFollowsConventions(KubernetesRuleCatalog.All().Single(r => r.Metadata.Id == id), Category.Iac, ["K8S"], KnownPeers);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Docs_page_and_fixture_folder_exist(string id)
    {
        var rule = KubernetesRuleCatalog.All().Single(r => r.Metadata.Id == id);
        File.Exists(Path.Combine(KubernetesTestPaths.RepositoryRoot, RuleDocs.RelativePathFor(id))).ShouldBeTrue($"docs/rules/{id}.md is missing");
        var folder = KubernetesTestPaths.FixtureFolder(rule);
        File.Exists(Path.Combine(folder, "Invalid.yaml")).ShouldBeTrue(folder);
        File.Exists(Path.Combine(folder, "Valid.yaml")).ShouldBeTrue(folder);
    }
}
