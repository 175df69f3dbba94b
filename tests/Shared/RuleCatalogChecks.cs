using System.Reflection;
using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Testing;

/// <summary>
/// The conventions every domain's rule catalogue must keep (STYLE: explicit rule list with a completeness test): the
/// list holds every concrete rule class, ids and names are unique, and each rule's metadata is well formed. Each test
/// project calls these from its own catalogue tests with its own families, category and peers.
/// </summary>
internal static partial class RuleCatalogChecks
{
    /// <summary>Every concrete <see cref="IRule"/> class of <paramref name="assembly"/> (in the given namespaces, if any) is registered.</summary>
    public static void EveryRuleTypeIsRegistered(Assembly assembly, IEnumerable<IRule> registered, params string[] namespaces)
    {
        var listed = registered.Select(r => r.GetType()).ToHashSet();
        var defined = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t))
            .Where(t => namespaces.Length == 0 || namespaces.Any(n => t.Namespace?.StartsWith(n, StringComparison.Ordinal) == true));
        defined.Where(t => !listed.Contains(t)).Select(t => t.Name).ShouldBeEmpty("rule classes missing from the explicit list");
    }

    /// <summary>Ids and names are unique; with <paramref name="sorted"/>, each id family is listed in id order.</summary>
    public static void IdsAndNamesAreUnique(IReadOnlyCollection<IRule> rules, bool sorted)
    {
        rules.Select(r => r.Metadata.Id).ShouldBeUnique();
        rules.Select(r => r.Metadata.Name).ShouldBeUnique();
        if (sorted)
        {
            foreach (var family in rules.GroupBy(r => FamilyOf(r.Metadata.Id)))
            {
                var ids = family.Select(r => r.Metadata.Id).ToList();
                ids.ShouldBe([.. ids.Order(StringComparer.Ordinal)], $"{family.Key} rules are not listed in id order");
            }
        }
    }

    /// <summary>
    /// One rule's metadata: an id of one of <paramref name="families"/> and three digits, a kebab-case name that spells
    /// the class name, the domain's category, a title without a full stop, a description and a remediation; with
    /// <paramref name="peers"/>, at least one equivalent, each naming a known peer.
    /// </summary>
    public static void MetadataFollowsConventions(IRule rule, Category category, IReadOnlyCollection<string> families, IReadOnlyCollection<string>? peers)
    {
        var meta = rule.Metadata;
        families.ShouldContain(FamilyOf(meta.Id), $"{meta.Id} is not of a known family");
        IdPattern().IsMatch(meta.Id).ShouldBeTrue(meta.Id);
        KebabPattern().IsMatch(meta.Name).ShouldBeTrue(meta.Name);
        meta.Name.Replace("-", "", StringComparison.Ordinal).ShouldBe(rule.GetType().Name, StringCompareShould.IgnoreCase);
        meta.Category.ShouldBe(category);
        meta.Title.ShouldNotEndWith(".");
        meta.Description.ShouldNotBeNullOrWhiteSpace();
        meta.Remediation.ShouldNotBeNullOrWhiteSpace();
        if (peers is not null)
        {
            meta.Equivalents.ShouldNotBeEmpty();
            meta.Equivalents.ShouldAllBe(e => peers.Contains(e.Split(':', 2)[0]) && e.Length > e.IndexOf(':', StringComparison.Ordinal) + 1);
        }
    }

    private static string FamilyOf(string id) => id.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');

    [GeneratedRegex(@"^[A-Z0-9]*[A-Z]\d{3}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KebabPattern();
}
