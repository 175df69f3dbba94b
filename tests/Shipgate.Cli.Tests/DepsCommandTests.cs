using System.Text.Json;
using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

public sealed class DepsCommandTests
{
    private const string PackageLock = """
        {
          "lockfileVersion": 3,
          "packages": {
            "": { "dependencies": { "left-pad": "^1.3.0" } },
            "node_modules/left-pad": { "version": "1.3.0" }
          }
        }
        """;

    [Fact]
    public void DepsList_LockfileOption_WritesJsonWithThePathAsGiven()
    {
        // Given a lockfile under an unusual name, named by format
        using var dir = new TempDir();
        dir.Write("fixtures/one.v3.json", PackageLock);

        // When it is listed as JSON into a file
        var run = CliHarness.Run(dir.Path, "deps", "list", "--lockfile", "package-lock.json:fixtures/one.v3.json", "--format", "json", "--output", "out.json");

        // Then the package is there with the path exactly as given
        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("out.json"));
        json.RootElement.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        var package = json.RootElement.GetProperty("packages").EnumerateArray().Single();
        package.GetProperty("name").GetString().ShouldBe("left-pad");
        package.GetProperty("version").GetString().ShouldBe("1.3.0");
        package.GetProperty("ecosystem").GetString().ShouldBe("npm");
        package.GetProperty("purl").GetString().ShouldBe("pkg:npm/left-pad@1.3.0");
        package.GetProperty("direct").GetBoolean().ShouldBeTrue();
        package.GetProperty("source").GetProperty("path").GetString().ShouldBe("fixtures/one.v3.json");
        package.GetProperty("source").GetProperty("line").GetInt32().ShouldBe(5);
        json.RootElement.GetProperty("errors").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void DepsList_BadLockfile_IsAnErrorEntryAndOthersStillRead()
    {
        using var dir = new TempDir();
        dir.Write("good/package-lock.json", PackageLock);
        dir.Write("bad/Cargo.lock", "[[package]\nname = 1\n");

        var run = CliHarness.Run(dir.Path, "deps", "list", "-L", "Cargo.lock:bad/Cargo.lock", "-L", "good/package-lock.json", "-f", "json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("packages").GetArrayLength().ShouldBe(1);
        var error = json.RootElement.GetProperty("errors").EnumerateArray().Single();
        error.GetProperty("path").GetString().ShouldBe("bad/Cargo.lock");
        error.GetProperty("line").GetInt32().ShouldBe(1);
        run.Error.ShouldContain("bad/Cargo.lock:1");
    }

    [Fact]
    public void DepsList_Directory_FindsLockfilesByNameAndSkipsNodeModules()
    {
        using var dir = new TempDir();
        dir.Write("app/package-lock.json", PackageLock);
        dir.Write("api/requirements.txt", "flask==3.0.2\n");
        dir.Write("app/node_modules/dep/package-lock.json", PackageLock);
        dir.Write("README.md", "# not a lockfile\n");

        var run = CliHarness.Run(dir.Path, "deps", "list", ".", "--format", "json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var sources = json.RootElement.GetProperty("packages").EnumerateArray()
            .Select(p => p.GetProperty("source").GetProperty("path").GetString()).ToList();
        sources.ShouldBe(["api/requirements.txt", "app/package-lock.json"]);
    }

    [Fact]
    public void DepsList_Table_ListsPackages()
    {
        using var dir = new TempDir();
        dir.Write("requirements.txt", "flask==3.0.2\nrequests\n");

        var run = CliHarness.Run(dir.Path, "deps", "list", "requirements.txt");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("flask");
        run.Out.ShouldContain("3.0.2");
        run.Out.ShouldContain("PyPI");
        run.Out.ShouldContain("2 packages from 1 files; 0 errors.");
    }

    [Theory]
    [InlineData("--lockfile", "nonsense-format:foo.lock")]
    [InlineData("--lockfile", "unknown-name.txt")]
    [InlineData("no/such/path")]
    [InlineData("--format", "xml")]
    public void DepsList_UsageMistakes_ExitWithTwo(params string[] args)
    {
        using var dir = new TempDir();
        var run = CliHarness.Run(dir.Path, ["deps", "list", .. args]);
        run.ExitCode.ShouldBe(2, run.ToString());
    }
}

/// <summary><c>shipgate scan</c> finds lockfiles by name and reports the malformed ones as errors.</summary>
public sealed class DepsScanTests
{
    [Fact]
    public void Scan_MalformedLockfile_IsAnErrorEntryWithItsLine()
    {
        using var dir = new TempDir();
        dir.Write("deep/inside/Cargo.lock", "[[package]]\nname = \"serde\"\nversion = \n");
        dir.Write("web/package-lock.json", "{ \"lockfileVersion\": 3, \"packages\": {} }");

        var run = CliHarness.Run(dir.Path, "scan", ".", "--only", "deps", "--format", "json", "--output", "report.json");

        using var json = JsonDocument.Parse(dir.Read("report.json"));
        var error = json.RootElement.GetProperty("errors").EnumerateArray().Single();
        error.GetProperty("path").GetString()!.ShouldEndWith("deep/inside/Cargo.lock");
        error.GetProperty("message").GetString()!.ShouldContain("TOML");
        json.RootElement.GetProperty("findings").GetArrayLength().ShouldBe(0, run.ToString());
    }
}
