using Shipgate.Dependencies.Osv;
using Shipgate.Dependencies.Versions;
using static Shipgate.Dependencies.Tests.Osv.OsvRecords;

namespace Shipgate.Dependencies.Tests.Osv;

public sealed class OsvMatcherTests
{
    private static readonly OsvMatcher Matcher = OsvMatcher.Default;

    private static bool Affected(OsvRecord record, Package package) => Matcher.Match(package, [record]).Count == 1;

    [Theory]
    [InlineData("0.0.1", true)]
    [InlineData("1.2.2", true)]
    [InlineData("1.2.3-beta.1", true)] // pre-releases of the fix come before it
    [InlineData("1.2.3", false)]
    [InlineData("2.0.0", false)]
    public void Introduced_zero_to_fixed(string version, bool expected)
    {
        var record = Ecosystem("GHSA-aaaa-0001", "npm", "left-pad", ("introduced", "0"), ("fixed", "1.2.3"));
        Affected(record, Npm("left-pad", version)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("0.9.0", false)]
    [InlineData("1.0.0", true)]
    [InlineData("1.4.0", true)] // last_affected is inclusive
    [InlineData("1.4.1", false)]
    public void Introduced_to_last_affected_is_inclusive(string version, bool expected)
    {
        var record = Ecosystem("GHSA-aaaa-0002", "npm", "lib", ("introduced", "1.0.0"), ("last_affected", "1.4.0"));
        Affected(record, Npm("lib", version)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("0.5.0", false)]
    [InlineData("1.1.0", true)]
    [InlineData("1.5.0", false)]
    [InlineData("2.0.0", true)]
    [InlineData("2.2.9", true)]
    [InlineData("2.3.0", false)]
    public void Several_intervals_in_one_range_with_events_out_of_order(string version, bool expected)
    {
        // Events deliberately unsorted: the schema says to sort them by version before evaluating.
        var record = Ecosystem("GHSA-aaaa-0003", "npm", "lib", ("introduced", "2.0.0"), ("fixed", "1.2.0"), ("fixed", "2.3.0"), ("introduced", "1.0.0"));
        Affected(record, Npm("lib", version)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("1.9.9", true)]
    [InlineData("2.0.0", false)]
    [InlineData("3.0.0", false)]
    public void Limit_caps_the_range(string version, bool expected)
    {
        var record = Ecosystem("GHSA-aaaa-0004", "npm", "lib", ("introduced", "0"), ("limit", "2.0.0"));
        Affected(record, Npm("lib", version)).ShouldBe(expected);
    }

    [Fact]
    public void Limit_star_means_no_limit()
    {
        var record = Ecosystem("GHSA-aaaa-0005", "npm", "lib", ("introduced", "1.0.0"), ("limit", "*"));
        Affected(record, Npm("lib", "99.0.0")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("1.0.0", true)]
    [InlineData("1.0.1", true)]
    [InlineData("1.0.2", false)]
    public void Explicit_versions_list(string version, bool expected)
    {
        var record = Parse(RecordJson("GHSA-aaaa-0006", "npm", "lib", versions: ["1.0.0", "1.0.1"]));
        Affected(record, Npm("lib", version)).ShouldBe(expected);
    }

    [Fact]
    public void Git_ranges_are_ignored_but_the_other_ranges_of_the_record_still_count()
    {
        var record = Parse(RecordJson("OSV-2024-1", "npm", "lib", ranges:
        [
            ("GIT", [("introduced", "0"), ("fixed", "8f2e4c1a9b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f")]),
            ("ECOSYSTEM", [("introduced", "3.0.0"), ("fixed", "3.1.0")]),
        ]));

        Affected(record, Npm("lib", "3.0.5")).ShouldBeTrue();
        Affected(record, Npm("lib", "1.0.0")).ShouldBeFalse(); // the GIT range's "introduced: 0" does not match versions
    }

    [Fact]
    public void A_git_only_record_matches_through_its_versions_list()
    {
        var record = Parse(RecordJson("OSV-2024-2", "npm", "lib", ranges: [("GIT", [("introduced", "0"), ("fixed", "abc123")])], versions: ["2.0.0"]));
        Affected(record, Npm("lib", "2.0.0")).ShouldBeTrue();
        Affected(record, Npm("lib", "2.0.1")).ShouldBeFalse();
    }

    [Fact]
    public void Semver_ranges_use_semantic_versioning_whatever_the_ecosystem()
    {
        var record = Parse(RecordJson("GO-2024-0001", "Go", "example.com/mod", ranges: [("SEMVER", [("introduced", "0"), ("fixed", "1.10.0")])]));
        var go = new Package("example.com/mod", "v1.9.0", Dependencies.Ecosystem.Go, "go.mod", 3);
        Matcher.Match(go, [record]).Count.ShouldBe(1);
        Matcher.Match(go with { Version = "v1.10.0" }, [record]).ShouldBeEmpty();
    }

    [Fact]
    public void Python_names_are_matched_after_PEP_503_normalisation_and_versions_by_PEP_440()
    {
        var record = Ecosystem("PYSEC-2024-1", "PyPI", "Django_REST.framework", ("introduced", "0"), ("fixed", "3.15.0"));
        Affected(record, PyPI("django-rest-framework", "3.15.0rc1")).ShouldBeTrue(); // rc comes before the release
        Affected(record, PyPI("django-rest-framework", "3.15")).ShouldBeFalse(); // 3.15 == 3.15.0
    }

    [Fact]
    public void Another_ecosystem_with_the_same_name_does_not_match()
    {
        var record = Ecosystem("GHSA-aaaa-0007", "PyPI", "requests", ("introduced", "0"));
        Affected(record, Npm("requests", "1.0.0")).ShouldBeFalse();
    }

    [Fact]
    public void A_package_without_a_version_matches_nothing()
    {
        var record = Ecosystem("GHSA-aaaa-0008", "npm", "lib", ("introduced", "0"));
        Affected(record, Npm("lib", "")).ShouldBeFalse();
    }

    [Fact]
    public void Without_a_version_order_only_the_explicit_list_is_compared_and_the_match_says_so()
    {
        var unordered = new OsvMatcher(_ => null);
        var record = Parse(RecordJson("RUBY-1", "npm", "lib", ranges: [("ECOSYSTEM", [("introduced", "0"), ("fixed", "2.0.0")])], versions: ["1.5.0"]));

        var listed = unordered.Match(Npm("lib", "1.5.0"), [record]);
        listed.ShouldHaveSingleItem().Caveat.ShouldNotBeNull().ShouldContain("explicit version list");
        unordered.Match(Npm("lib", "1.6.0"), [record]).ShouldBeEmpty(); // in the range, but the range cannot be ordered
    }

    [Fact]
    public void Aliased_records_become_one_match_named_by_the_GitHub_id()
    {
        var ghsa = Parse(RecordJson("GHSA-jjjj-kkkk-llll", "PyPI", "pillow", [("ECOSYSTEM", [("introduced", "0"), ("fixed", "10.0.1")])], aliases: ["CVE-2023-0001"]));
        var pysec = Parse(RecordJson("PYSEC-2023-77", "PyPI", "Pillow", [("ECOSYSTEM", [("introduced", "9.0"), ("fixed", "10.0.2")])], aliases: ["CVE-2023-0001"]));
        var other = Parse(RecordJson("PYSEC-2023-99", "PyPI", "pillow", [("ECOSYSTEM", [("introduced", "0"), ("fixed", "11.0")])]));

        var matches = Matcher.Match(PyPI("Pillow", "9.5.0"), [pysec, ghsa, other]);

        matches.Count.ShouldBe(2);
        var merged = matches.Single(m => m.Id == "GHSA-jjjj-kkkk-llll");
        merged.Aliases.ShouldBe(["PYSEC-2023-77", "CVE-2023-0001"]);
        merged.Records.Count.ShouldBe(2);
        merged.FixedVersion.ShouldBe("10.0.2"); // 10.0.1 still falls in the PYSEC record's range
        matches.Single(m => m.Id == "PYSEC-2023-99").FixedVersion.ShouldBe("11.0");
    }

    [Fact]
    public void Aliases_merge_transitively()
    {
        var a = Parse(RecordJson("GHSA-aaaa-bbbb-cccc", "npm", "lib", [("ECOSYSTEM", [("introduced", "0"), ("fixed", "2.0.0")])], aliases: ["CVE-2024-1"]));
        var b = Parse(RecordJson("OSV-2024-9", "npm", "lib", [("ECOSYSTEM", [("introduced", "0"), ("fixed", "2.0.0")])], aliases: ["CVE-2024-1", "OSV-2024-10"]));
        var c = Parse(RecordJson("OSV-2024-10", "npm", "lib", [("ECOSYSTEM", [("introduced", "0"), ("fixed", "2.0.0")])]));

        var match = Matcher.Match(Npm("lib", "1.0.0"), [c, b, a]).ShouldHaveSingleItem();
        match.Id.ShouldBe("GHSA-aaaa-bbbb-cccc");
        match.Aliases.ShouldBe(["OSV-2024-10", "OSV-2024-9", "CVE-2024-1"]);
    }

    [Fact]
    public void The_fixed_version_is_the_smallest_that_leaves_every_range()
    {
        var record = Parse(RecordJson("GHSA-aaaa-0009", "npm", "lib", ranges:
        [
            ("ECOSYSTEM", [("introduced", "0"), ("fixed", "1.5.0")]),
            ("ECOSYSTEM", [("introduced", "1.5.0"), ("fixed", "1.7.0")]), // re-introduced at once: 1.5.0 does not clear it
            ("ECOSYSTEM", [("introduced", "3.0.0"), ("fixed", "3.2.0")]),
        ]));

        Matcher.Match(Npm("lib", "1.0.0"), [record]).ShouldHaveSingleItem().FixedVersion.ShouldBe("1.7.0");
        Matcher.Match(Npm("lib", "3.1.0"), [record]).ShouldHaveSingleItem().FixedVersion.ShouldBe("3.2.0");
    }

    [Fact]
    public void Last_affected_without_a_fix_gives_no_fixed_version()
    {
        var record = Ecosystem("GHSA-aaaa-0010", "npm", "lib", ("introduced", "0"), ("last_affected", "4.0.0"));
        Matcher.Match(Npm("lib", "3.0.0"), [record]).ShouldHaveSingleItem().FixedVersion.ShouldBeNull();
    }

    [Fact]
    public void Malicious_package_records_are_flagged()
    {
        var record = Parse(RecordJson("MAL-2024-1234", "npm", "evil-pkg", versions: ["1.0.0"]));
        Matcher.Match(Npm("evil-pkg", "1.0.0"), [record]).ShouldHaveSingleItem().IsMalicious.ShouldBeTrue();
    }

    [Fact]
    public void InRange_with_an_explicit_comparer()
    {
        var range = Parse(RecordJson("X-1", "npm", "lib", [("ECOSYSTEM", [("introduced", "1.0"), ("fixed", "1.0")])])).Affected[0].Ranges[0];
        OsvMatcher.InRange("1.0", range, new SemverComparer(Dependencies.Ecosystem.Npm)).ShouldBeFalse(); // empty interval
    }
}
