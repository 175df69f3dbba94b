using System.Text.Json;
using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

public sealed partial class SbomCommandTests
{
    private const string PackageLock = """
        {
          "lockfileVersion": 3,
          "packages": {
            "": { "dependencies": { "debug": "^4.3.4" }, "devDependencies": { "left-pad": "^1.3.0" } },
            "node_modules/debug": {
              "version": "4.3.5",
              "resolved": "https://registry.npmjs.org/debug/-/debug-4.3.5.tgz",
              "integrity": "sha512-pt0bNEmneDIvdL1Xsd9oDQ/wrQRkXDT4AUWlNZNPKvW5x/jyO9VFXkJUP07vQ2upmw5PlaITaPKc31jK13V+jg==",
              "dependencies": { "ms": "2.1.2" }
            },
            "node_modules/ms": { "version": "2.1.2" },
            "node_modules/left-pad": { "version": "1.3.0", "dev": true }
          }
        }
        """;

    [Fact]
    public void Sbom_CycloneDx_ToFile_HasComponentsHashesAndGraph()
    {
        // Given a project with a lockfile
        using var dir = new TempDir();
        dir.Write("web/package-lock.json", PackageLock);

        // When a CycloneDX SBOM is written to a file
        var run = CliHarness.Run(dir.Path, "sbom", "web", "--format", "cyclonedx", "--output", "bom.json");

        // Then it names the components, their hashes and the graph
        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("bom.json"));
        var root = json.RootElement;
        root.GetProperty("specVersion").GetString().ShouldBe("1.6");
        root.GetProperty("serialNumber").GetString().ShouldStartWith("urn:uuid:");
        root.GetProperty("metadata").GetProperty("component").GetProperty("name").GetString().ShouldBe("web");
        var purls = root.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("purl").GetString()).ToList();
        purls.ShouldBe(["pkg:npm/debug@4.3.5", "pkg:npm/left-pad@1.3.0", "pkg:npm/ms@2.1.2"]);
        var debug = root.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("ref").GetString() == "pkg:npm/debug@4.3.5");
        debug.GetProperty("dependsOn")[0].GetString().ShouldBe("pkg:npm/ms@2.1.2");
    }

    [Fact]
    public void Sbom_Spdx_NoDev_LeavesDevPackagesOut()
    {
        using var dir = new TempDir();
        dir.Write("package-lock.json", PackageLock);

        var run = CliHarness.Run(dir.Path, "sbom", "--format", "spdx", "--no-dev");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("spdxVersion").GetString().ShouldBe("SPDX-2.3");
        var names = json.RootElement.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        names.ShouldContain("debug");
        names.ShouldNotContain("left-pad");
    }

    [Fact]
    public void Sbom_UnknownFormat_IsAUsageError()
    {
        using var dir = new TempDir();

        var run = CliHarness.Run(dir.Path, "sbom", "--format", "swid");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("unknown SBOM format 'swid'");
    }

    [Fact]
    public void Sbom_UnreadableLockfile_StillWritesTheDocumentAndExits2()
    {
        using var dir = new TempDir();
        dir.Write("good/package-lock.json", PackageLock);
        dir.Write("bad/Cargo.lock", "[[package]\nname = 1\n");

        var run = CliHarness.Run(dir.Path, "sbom", ".");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("bad/Cargo.lock:1");
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("components").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public void DepsList_NoDev_LeavesDevPackagesOut()
    {
        using var dir = new TempDir();
        dir.Write("package-lock.json", PackageLock);

        var run = CliHarness.Run(dir.Path, "deps", "list", "--no-dev", "-f", "json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["debug", "ms"]);
    }

    [Fact]
    public void Scan_NoDev_SkipsDevPackagesInDependencyRules()
    {
        // Given a lockfile whose only install script belongs to a dev package
        using var dir = new TempDir();
        dir.Write("package-lock.json", PackageLock.Replace("\"dev\": true", "\"dev\": true, \"hasInstallScript\": true", StringComparison.Ordinal));

        // When scanned with and without --no-dev
        var all = CliHarness.Run(dir.Path, "scan", ".", "--only", "deps", "-f", "json", "-q");
        var runtime = CliHarness.Run(dir.Path, "scan", ".", "--only", "deps", "-f", "json", "-q", "--no-dev");

        // Then DEP108 reports it only without --no-dev
        all.Out.ShouldContain("DEP108");
        runtime.Out.ShouldNotContain("DEP108");
    }
}
