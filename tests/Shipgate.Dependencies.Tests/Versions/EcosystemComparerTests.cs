using Shipgate.Dependencies.Versions;

namespace Shipgate.Dependencies.Tests.Versions;

/// <summary>Hand-written orderings for each ecosystem's comparer, written from the package managers' documentation.</summary>
public sealed class EcosystemComparerTests
{
    [Theory]
    [InlineData("1.0-alpha-1", "1.0-beta-1", -1)]
    [InlineData("1.0-beta-1", "1.0-milestone-1", -1)]
    [InlineData("1.0-milestone-1", "1.0-rc-1", -1)]
    [InlineData("1.0-rc-1", "1.0-SNAPSHOT", -1)]
    [InlineData("1.0-SNAPSHOT", "1.0", -1)]
    [InlineData("1.0", "1.0-sp-1", -1)]
    [InlineData("2.5.0.RELEASE", "2.5.0", 0)]
    [InlineData("5.6.15.Final", "5.6.15", 0)]
    [InlineData("31.1-jre", "31.1", 1)]
    [InlineData("31.1-android", "31.1-jre", -1)]
    [InlineData("1.0.0-cr2", "1.0.0-rc2", 0)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("1.0.0-b2", "1.0.0-beta-2", 0)]
    [InlineData("99999999999999999999999", "1", 1)]
    public void Maven_follows_ComparableVersion(string a, string b, int expected) => Check(Ecosystem.Maven, a, b, expected);

    [Theory]
    [InlineData("1.0.0.pre", "1.0.0", -1)]
    [InlineData("1.0.0-rc1", "1.0.0", -1)]
    [InlineData("1.0.0.rc1", "1.0.0.rc2", -1)]
    [InlineData("1.0.a", "1.0.b", -1)]
    [InlineData("2.0", "2.0.0", 0)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("7.1.3.4", "7.1.3", 1)]
    public void RubyGems_follows_Gem_Version(string a, string b, int expected) => Check(Ecosystem.RubyGems, a, b, expected);

    [Theory]
    [InlineData("v1.2.3", "1.2.3", 0)]
    [InlineData("1.0.0-dev", "1.0.0-alpha1", -1)]
    [InlineData("1.0.0-alpha1", "1.0.0-beta1", -1)]
    [InlineData("1.0.0-beta1", "1.0.0-RC1", -1)]
    [InlineData("1.0.0-RC1", "1.0.0", -1)]
    [InlineData("1.0.0", "1.0.0-pl1", -1)]
    [InlineData("1.0", "1.0.0", -1)]
    [InlineData("2.10.0", "2.9.99", 1)]
    public void Packagist_follows_version_compare(string a, string b, int expected) => Check(Ecosystem.Packagist, a, b, expected);

    [Theory]
    [InlineData("1.0.0-dev", "1.0.0", -1)]
    [InlineData("1.0.0", "1.0.0+1", -1)]
    [InlineData("1.0.0+1", "1.0.0+2", -1)]
    [InlineData("2.0.0-beta.2", "2.0.0-beta.10", -1)]
    [InlineData("3.1.0", "3.0.9", 1)]
    public void Pub_counts_build_metadata(string a, string b, int expected) => Check(Ecosystem.Pub, a, b, expected);

    [Theory]
    [InlineData("1.2-3", "1.2-10", -1)]
    [InlineData("1.0", "1.0-1", -1)]
    [InlineData("0.10.1", "0.9.9", 1)]
    [InlineData("1.02", "1.2", 0)]
    public void Cran_compares_numeric_components(string a, string b, int expected) => Check(Ecosystem.Cran, a, b, expected);

    [Theory]
    [InlineData("1.2.0.0", "1.2", 1)]
    [InlineData("0.10", "0.9", 1)]
    [InlineData("2.0.1", "2.0.1", 0)]
    public void Hackage_compares_version_branches(string a, string b, int expected) => Check(Ecosystem.Hackage, a, b, expected);

    [Theory]
    [InlineData("v1.2.3", "v1.2.4", -1)]
    [InlineData("v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.3", 1)]
    [InlineData("v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.4", -1)]
    [InlineData("v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20201109021931-0123456789ab", -1)]
    [InlineData("v1.2.3-pre.0.20191109021931-daa7c04131f5", "v1.2.3-pre", 1)]
    [InlineData("v2.0.0+incompatible", "v2.0.0", 0)]
    [InlineData("v1.2.3", "1.2.3", 0)]
    public void Go_orders_semver_with_pseudo_versions(string a, string b, int expected) => Check(Ecosystem.Go, a, b, expected);

    [Theory]
    [InlineData("1.0~rc1", "1.0", -1)]
    [InlineData("1.0~~", "1.0~", -1)]
    [InlineData("1.0~~a", "1.0~", -1)]
    [InlineData("1.0", "1.0a", -1)]
    [InlineData("1.0", "1.0+b1", -1)]
    [InlineData("1:1.0", "2.0", 1)]
    [InlineData("0:1.0", "1.0", 0)]
    [InlineData("1.0-1", "1.0-2", -1)]
    [InlineData("1.0-1ubuntu1", "1.0-1", 1)]
    [InlineData("2.30-0ubuntu2", "2.30-0ubuntu10", -1)]
    [InlineData("7.6p2-4", "7.6-0", 1)]
    [InlineData("1.2.3", "1.2.3-0", 0)]
    [InlineData("1.1.1n-0+deb11u5", "1.1.1n-0+deb11u4", 1)]
    public void Debian_follows_dpkg(string a, string b, int expected) => Check(Ecosystem.Debian, a, b, expected);

    [Theory]
    [InlineData("1.2.3", "1.2.3-r1", -1)]
    [InlineData("1.2.3_rc1", "1.2.3", -1)]
    [InlineData("1.2.3_alpha", "1.2.3_beta", -1)]
    [InlineData("1.2.3_beta", "1.2.3_pre", -1)]
    [InlineData("1.2.3_pre", "1.2.3_rc", -1)]
    [InlineData("1.2.3_p1", "1.2.3", 1)]
    [InlineData("1.2.3_git20230101", "1.2.3", 1)]
    [InlineData("1.2.3a", "1.2.3", 1)]
    [InlineData("1.2.3_rc1-r0", "1.2.3-r0", -1)]
    [InlineData("1.01", "1.1", -1)]
    [InlineData("1.001", "1.01", -1)]
    [InlineData("2.10", "2.9", 1)]
    [InlineData("1.2.3-r10", "1.2.3-r9", 1)]
    [InlineData("3.0.8-r0", "3.0.8-r0", 0)]
    [InlineData("1.2", "1.2.0", -1)]
    public void Alpine_follows_apk_tools(string a, string b, int expected) => Check(Ecosystem.Alpine, a, b, expected);

    [Theory]
    [InlineData("Debian:12", typeof(DpkgComparer))]
    [InlineData("Ubuntu:22.04:LTS", typeof(DpkgComparer))]
    [InlineData("Alpine:v3.19", typeof(ApkComparer))]
    [InlineData("Maven", typeof(MavenComparer))]
    [InlineData("Hackage", typeof(NumericSegmentsComparer))]
    [InlineData("crates.io", typeof(SemverComparer))]
    public void Lookup_by_OSV_name_handles_release_suffixes(string name, Type expected)
    {
        VersionComparers.For(name).ShouldBeOfType(expected);
    }

    [Fact]
    public void Lookup_of_an_unknown_ecosystem_is_null()
    {
        VersionComparers.For("Plan9Ports").ShouldBeNull();
    }

    [Fact]
    public void Every_ecosystem_has_a_comparer_that_says_which_it_is()
    {
        foreach (var ecosystem in Enum.GetValues<Ecosystem>())
        {
            VersionComparers.For(ecosystem).Ecosystem.ShouldBe(ecosystem);
        }
    }

    /// <summary>Antisymmetry and transitivity over a pool of odd and ordinary strings, and no exceptions.</summary>
    [Fact]
    public void Every_comparer_is_a_consistent_order_and_never_throws()
    {
        string[] pool =
        [
            "", "0", "1", "1.0", "1.0.0", "1.0.0-alpha", "1.0.0-rc.1", "1.0.0+build", "v1.2.3", "1.2.3-r1", "1.2.3_rc1",
            "1:2.0", "2.0~beta", "1.0-SNAPSHOT", "1.0.Final", "1.0a", "1.0.dev0", "1!2.0", "20190101.1", "1.2.3.4.5",
            "abc", "-", ".", "~", "1..2", "1.0-", new string('9', 300), "1.0.0-" + new string('a', 600),
        ];
        foreach (var ecosystem in Enum.GetValues<Ecosystem>())
        {
            var comparer = VersionComparers.For(ecosystem);
            foreach (var a in pool)
            {
                foreach (var b in pool)
                {
                    Math.Sign(comparer.Compare(a, b)).ShouldBe(-Math.Sign(comparer.Compare(b, a)), $"{ecosystem}: {a} vs {b}");
                }
            }

            var sorted = pool.Order(comparer).ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                comparer.Compare(sorted[i - 1], sorted[i]).ShouldBeLessThanOrEqualTo(0, $"{ecosystem}: {sorted[i - 1]} before {sorted[i]}");
            }
        }
    }

    private static void Check(Ecosystem ecosystem, string a, string b, int expected)
    {
        var comparer = VersionComparers.For(ecosystem);
        Math.Sign(comparer.Compare(a, b)).ShouldBe(expected, $"{a} vs {b}");
        Math.Sign(comparer.Compare(b, a)).ShouldBe(-expected, $"{b} vs {a}");
    }
}
