using System.Text.Json;
using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

/// <summary>End to end: <c>sbom --vulnerabilities</c> over a real database imported with <c>db import</c> from generated OSV JSON.</summary>
public sealed partial class SbomCommandTests
{
    /// <summary>A database with debug's GHSA and CVE records (one vulnerability), an unscored left-pad advisory and one that misses ms.</summary>
    private static string ImportAdvisories(TempDir dir)
    {
        dir.Write("osv/GHSA-aaaa-bbbb-cccc.json", DbCommandTests.Advisory("GHSA-aaaa-bbbb-cccc", "debug", "4.0.0", "4.3.6", ["CVE-2099-20001"], "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"));
        dir.Write("osv/CVE-2099-20001.json", DbCommandTests.Advisory("CVE-2099-20001", "debug", "4.0.0", "4.3.6", ["GHSA-aaaa-bbbb-cccc"]));
        dir.Write("osv/GHSA-dddd-eeee-ffff.json", DbCommandTests.Advisory("GHSA-dddd-eeee-ffff", "left-pad", "0", null, []));
        dir.Write("osv/GHSA-gggg-hhhh-jjjj.json", DbCommandTests.Advisory("GHSA-gggg-hhhh-jjjj", "ms", "0", "2.0.0", []));
        var db = System.IO.Path.Combine(dir.Path, "osv.db");
        var import = CliHarness.Run(dir.Path, "db", "import", "osv", "--db", db);
        import.ExitCode.ShouldBe(0, import.ToString());
        return db;
    }

    [Fact]
    public void Sbom_Vulnerabilities_ListsEachVulnerabilityOnceWithTheComponentsItAffects()
    {
        // Given a project and an imported database
        using var dir = new TempDir();
        dir.Write("web/package-lock.json", PackageLock);
        var db = ImportAdvisories(dir);

        // When a CycloneDX SBOM is written with --vulnerabilities
        var run = CliHarness.Run(dir.Path, "sbom", "web", "--vulnerabilities", "--db", db, "--output", "bom.json");

        // Then the GHSA and its CVE are one entry that affects debug, the unfixed advisory has no fix, ms is not affected
        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("bom.json"));
        var vulnerabilities = json.RootElement.GetProperty("vulnerabilities").EnumerateArray().ToList();
        vulnerabilities.Select(v => v.GetProperty("id").GetString()).ShouldBe(["GHSA-aaaa-bbbb-cccc", "GHSA-dddd-eeee-ffff"]);
        var debug = vulnerabilities[0];
        debug.GetProperty("references")[0].GetProperty("id").GetString().ShouldBe("CVE-2099-20001");
        debug.GetProperty("ratings")[0].GetProperty("score").GetDouble().ShouldBe(7.5);
        debug.GetProperty("ratings")[0].GetProperty("method").GetString().ShouldBe("CVSSv31");
        debug.GetProperty("detail").GetString().ShouldBe("Details of GHSA-aaaa-bbbb-cccc.");
        debug.GetProperty("recommendation").GetString().ShouldBe("Upgrade debug 4.3.5 to 4.3.6 or later.");
        debug.GetProperty("advisories").EnumerateArray().Select(a => a.GetProperty("url").GetString())
            .ShouldBe(["https://example.invalid/GHSA-aaaa-bbbb-cccc", "https://example.invalid/CVE-2099-20001"]);
        debug.GetProperty("affects")[0].GetProperty("ref").GetString().ShouldBe("pkg:npm/debug@4.3.5");
        debug.GetProperty("affects")[0].GetProperty("versions")[0].GetProperty("status").GetString().ShouldBe("affected");
        vulnerabilities[1].GetProperty("ratings")[0].GetProperty("severity").GetString().ShouldBe("medium");
    }

    [Fact]
    public void Sbom_Vulnerabilities_ReadsTheDatabaseFromConfig_AndNoDevLeavesDevPackagesOut()
    {
        // Given .shipgate.yml naming the database
        using var dir = new TempDir();
        ImportAdvisories(dir);
        dir.Write("package-lock.json", PackageLock);
        dir.Write(".shipgate.yml", "dependencies:\n  database: osv.db\n");

        // When the SBOM is written without --db
        var run = CliHarness.Run(dir.Path, "sbom", "--vulnerabilities", "--no-dev");

        // Then the configured database was used, and left-pad's advisory is left out with the dev package
        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var vulnerability = json.RootElement.GetProperty("vulnerabilities").EnumerateArray().ShouldHaveSingleItem();
        vulnerability.GetProperty("id").GetString().ShouldBe("GHSA-aaaa-bbbb-cccc");
    }

    [Fact]
    public void Sbom_Vulnerabilities_RateUnscoredAdvisoriesByTheConfiguredPolicy()
    {
        // Given DEP001's unscored-severity option at high
        using var dir = new TempDir();
        ImportAdvisories(dir);
        dir.Write("package-lock.json", PackageLock);
        dir.Write(".shipgate.yml", "dependencies:\n  database: osv.db\nrules:\n  DEP001:\n    unscored-severity: high\n");

        var run = CliHarness.Run(dir.Path, "sbom", "--vulnerabilities");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var leftPad = json.RootElement.GetProperty("vulnerabilities").EnumerateArray().Single(v => v.GetProperty("id").GetString() == "GHSA-dddd-eeee-ffff");
        leftPad.GetProperty("ratings")[0].GetProperty("severity").GetString().ShouldBe("high");
    }

    [Fact]
    public void Sbom_Vulnerabilities_MissingDatabase_IsAnError()
    {
        using var dir = new TempDir();
        dir.Write("package-lock.json", PackageLock);

        var run = CliHarness.Run(dir.Path, "sbom", "--vulnerabilities", "--db", "missing.db");

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe($"shipgate: no vulnerability database at {System.IO.Path.Combine(dir.Path, "missing.db")}; run 'shipgate db update' (downloads the OSV exports) or 'shipgate db import PATH' (OSV all.zip files or folders of OSV JSON)");
        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public void Sbom_Vulnerabilities_CorruptDatabase_IsAnErrorWithoutAStackTrace()
    {
        using var dir = new TempDir();
        dir.Write("package-lock.json", PackageLock);
        dir.Write("osv.db", "this is not a SQLite database, just some text that is long enough to look like a header....");

        var run = CliHarness.Run(dir.Path, "sbom", "--vulnerabilities", "--db", "osv.db", "--output", "bom.json");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("osv.db");
        run.Error.ShouldContain("delete it, then run 'shipgate db update'");
        run.Error.Trim().Split('\n').ShouldHaveSingleItem();
        File.Exists(System.IO.Path.Combine(dir.Path, "bom.json")).ShouldBeFalse();
    }

    [Fact]
    public void Sbom_Vulnerabilities_WithSpdx_OrDbWithoutTheFlag_IsAUsageError()
    {
        using var dir = new TempDir();
        dir.Write("package-lock.json", PackageLock);

        var run = CliHarness.Run(dir.Path, "sbom", "--format", "spdx", "--vulnerabilities");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--vulnerabilities needs --format cyclonedx");
        var withoutFlag = CliHarness.Run(dir.Path, "sbom", "--db", "osv.db");
        withoutFlag.ExitCode.ShouldBe(2);
        withoutFlag.Error.ShouldContain("--db is only read with --vulnerabilities");
    }
}
