using Shipgate.Core;
using Shipgate.Dependencies.Osv;
using static Shipgate.Dependencies.Tests.Osv.OsvRecords;

namespace Shipgate.Dependencies.Tests.Osv;

public sealed class AdvisorySeverityTests
{
    private static AdvisorySeverity Of(string json, Severity policy = Severity.Medium)
    {
        var record = Parse(json);
        var package = Npm(record.Affected[0].Package!.Name, "1.0.0");
        var match = OsvMatcher.Default.Match(package, [record]).ShouldHaveSingleItem();
        return AdvisorySeverity.Of(match, policy);
    }

    [Fact]
    public void CVSS_v4_wins_over_v3_and_the_score_is_computed_not_read()
    {
        var severity = Of(RecordJson("GHSA-s-1", "npm", "lib", versions: ["1.0.0"], severity:
        [
            ("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            ("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N"),
        ], databaseSeverity: "CRITICAL"));

        severity.Level.ShouldBe(Severity.Medium);
        severity.Score.ShouldBe(6.9);
        severity.Basis.ShouldBe("CVSS 4.0 6.9");
        severity.Unscored.ShouldBeFalse();
    }

    [Fact]
    public void CVSS_v3_when_there_is_no_v4()
    {
        var severity = Of(RecordJson("GHSA-s-2", "npm", "lib", versions: ["1.0.0"], severity: [("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]));
        severity.Level.ShouldBe(Severity.Critical);
        severity.Basis.ShouldBe("CVSS 3.1 9.8");
    }

    [Fact]
    public void An_invalid_vector_falls_back_to_the_database_rating()
    {
        var severity = Of(RecordJson("GHSA-s-3", "npm", "lib", versions: ["1.0.0"], severity: [("CVSS_V3", "CVSS:3.1/AV:N/garbage")], databaseSeverity: "MODERATE"));
        severity.Level.ShouldBe(Severity.Medium);
        severity.Basis.ShouldBe("advisory rating");
    }

    [Theory]
    [InlineData(Severity.Medium)]
    [InlineData(Severity.High)]
    public void Unscored_advisories_follow_the_policy(Severity policy)
    {
        var severity = Of(RecordJson("OSV-s-4", "npm", "lib", versions: ["1.0.0"]), policy);
        severity.Level.ShouldBe(policy);
        severity.Unscored.ShouldBeTrue();
    }

    [Fact]
    public void Malicious_packages_are_always_critical()
    {
        var severity = Of(RecordJson("MAL-2024-9", "npm", "lib", versions: ["1.0.0"], severity: [("CVSS_V3", "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N")]));
        severity.Level.ShouldBe(Severity.Critical);
        severity.Basis.ShouldBe("malicious package");
    }

    [Fact]
    public void Only_a_string_severity_and_cwe_ids_are_kept_from_database_specific_and_they_survive_the_compact_form()
    {
        const string Json = """
            {"id": "GHSA-s-5", "modified": "2024-01-01T00:00:00Z",
             "database_specific": {"cwe_ids": ["CWE-79"], "nested": {"severity": "LOW"}, "severity": "HIGH"},
             "affected": [{"package": {"ecosystem": "npm", "name": "lib"}, "versions": ["1.0.0"],
                           "database_specific": {"severity": 7}, "ecosystem_specific": "not an object"}]}
            """;
        var record = OsvJson.FromCompactJson(OsvJson.ToCompactJson(Parse(Json)));
        record.DatabaseSpecific!.Severity.ShouldBe("HIGH");
        record.DatabaseSpecific.CweIds.ShouldBe(["CWE-79"]);
        record.Affected[0].DatabaseSpecific.ShouldBe(new OsvSpecific(null));
        record.Affected[0].EcosystemSpecific.ShouldBeNull();
        Of(Json).Level.ShouldBe(Severity.High);
    }
}
