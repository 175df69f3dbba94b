using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Iac.Kubernetes;

namespace Shipgate.Iac.Tests.Kubernetes;

/// <summary>Invariants over <see cref="KubernetesRuleCatalog"/>: completeness, conventions, docs and fixtures.</summary>
public sealed partial class KubernetesRuleCatalogTests
{
    private static readonly string[] KnownPeers = ["trivy", "checkov", "polaris", "kubesec", "kube-score", "concept"];

    public static TheoryData<string> RuleIds() => [.. KubernetesRuleCatalog.All().Select(r => r.Metadata.Id)];

    [Fact]
    public void Every_concrete_Kubernetes_rule_type_is_registered()
    {
        // Given every rule class of the Kubernetes folder (the iac assembly holds other families too)
        var registered = KubernetesRuleCatalog.All().Select(r => r.GetType()).ToHashSet();
        var defined = typeof(KubernetesScanner).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t)
                && t.Namespace?.StartsWith("Shipgate.Iac.Kubernetes", StringComparison.Ordinal) == true);

        // Then each is in the explicit list
        defined.Where(t => !registered.Contains(t)).Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Ids_and_names_are_unique_and_in_order()
    {
        var ids = KubernetesRuleCatalog.All().Select(r => r.Metadata.Id).ToList();
        ids.ShouldBeUnique();
        KubernetesRuleCatalog.All().Select(r => r.Metadata.Name).ShouldBeUnique();
        ids.ShouldBe(ids.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Scanner_exposes_the_catalogue()
    {
        var scanner = new KubernetesScanner();
        scanner.Category.ShouldBe(Category.Iac);
        scanner.Rules.Select(r => r.Metadata.Id).ShouldBe(KubernetesRuleCatalog.All().Select(r => r.Metadata.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Metadata_follows_the_conventions(string id)
    {
        var rule = KubernetesRuleCatalog.All().Single(r => r.Metadata.Id == id);
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
    public void Docs_page_and_fixture_folder_exist(string id)
    {
        var rule = KubernetesRuleCatalog.All().Single(r => r.Metadata.Id == id);
        File.Exists(Path.Combine(KubernetesTestPaths.RepositoryRoot, RuleDocs.RelativePathFor(id))).ShouldBeTrue($"docs/rules/{id}.md is missing");
        var folder = KubernetesTestPaths.FixtureFolder(rule);
        File.Exists(Path.Combine(folder, "Invalid.yaml")).ShouldBeTrue(folder);
        File.Exists(Path.Combine(folder, "Valid.yaml")).ShouldBeTrue(folder);
    }

    [GeneratedRegex(@"^K8S\d{3}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KebabPattern();
}
