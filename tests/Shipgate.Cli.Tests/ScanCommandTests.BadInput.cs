using System.Text.Json;
using Shipgate.Cli.Tests.Support;
using Shipgate.Core;

namespace Shipgate.Cli.Tests;

public sealed partial class ScanCommandTests
{
    [Fact]
    public void Scan_UnknownCategory_ExitsTwoListingTheValidOnes()
    {
        var run = CliHarness.Run(dir.Path, "scan", "--only", "secrets,dockr");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("dockr");
        run.Error.ShouldContain("secrets, workflows, deps, docker, iac");
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--fail-on", "severe")]
    [InlineData("--min-confidence", "sure")]
    [InlineData("--threads", "-3")]
    [InlineData("--no-such-option", "x")]
    public void Scan_BadOptionValue_ExitsTwoWithOneLine(string option, string value)
    {
        var run = CliHarness.Run(dir.Path, "scan", option, value);
        run.ExitCode.ShouldBe(2, run.ToString());
        (run.Error.Contains(value, StringComparison.Ordinal) || run.Error.Contains(option, StringComparison.Ordinal)).ShouldBeTrue(run.ToString());
        run.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public void Scan_MissingPath_ExitsTwoNamingIt()
    {
        var run = CliHarness.Run(dir.Path, "scan", "does-not-exist");
        run.ExitCode.ShouldBe(2, run.ToString());
        (run.Out + run.Error).ShouldContain("does-not-exist");
    }

    [Fact]
    public void Scan_OneMissingPathAmongGoodOnes_ReportsItAndScansTheRest()
    {
        var sample = SecretSamples.GitHubToken();
        dir.Write("good/a.txt", sample.Line + "\n");
        var run = CliHarness.Run(dir.Path, "scan", "good", "missing", "-f", "json", "-o", "r.json");
        run.ExitCode.ShouldBe(1, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("r.json"));
        json.RootElement.GetProperty("errors")[0].GetProperty("path").GetString().ShouldBe("missing");
        json.RootElement.GetProperty("findings").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public void Scan_TwoFormatsToStandardOutput_ExitsTwo()
    {
        var run = CliHarness.Run(dir.Path, "scan", "-f", "json", "-f", "sarif");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("standard output");
    }

    [Theory]
    [InlineData("failOn: high\nbogus: 1\n", "unknown key 'bogus'", 2, 1)]
    [InlineData("failOn: severe\n", "'failOn' must be one of", 1, 9)]
    [InlineData("exclude:\n  nested: map\n", "'exclude' must be a list", 2, 3)]
    [InlineData("disable: [SEC999]\n", "unknown rule 'SEC999'", 1, 11)]
    [InlineData("ignore:\n  - reason: nothing\n", "needs 'rules' or 'paths'", 2, 5)]
    [InlineData("failOn: [high\n", "invalid YAML", 2, 1)]
    public void Scan_MalformedConfig_ExitsTwoNamingFileLineAndColumn(string yaml, string message, int line, int column)
    {
        dir.Write(".shipgate.yml", yaml);
        var run = CliHarness.Run(dir.Path, "scan");
        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(message);
        run.Error.ShouldContain($".shipgate.yml:{line}:{column}:");
        run.Error.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public void Scan_MissingConfigFile_ExitsTwo()
    {
        var run = CliHarness.Run(dir.Path, "scan", "--config", "nope.yml");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("nope.yml");
    }

    [Fact]
    public void Scan_MalformedBaseline_ExitsTwo()
    {
        dir.Write("b.json", "{ not json");
        var run = CliHarness.Run(dir.Path, "scan", "--baseline", "b.json");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("b.json");
    }

    [Fact]
    public void Scan_ScannerCrashOnOneFile_ReportsItAndScansTheRest()
    {
        // Given a scanner that crashes on one file, next to the real secrets scanner
        var sample = SecretSamples.GitHubToken();
        dir.Write("boom.txt", "crash here\n");
        dir.Write("fine.txt", sample.Line + "\n");
        var scanners = new List<IScanner>(Program.CreateScanners()) { new CrashingScanner() };

        // When scanning
        var run = CliHarness.Run(dir.Path, scanners, "scan", "-f", "json", "-o", "r.json");

        // Then the crash is an error entry and the other file's finding is still there
        run.ExitCode.ShouldBe(1, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("r.json"));
        var error = json.RootElement.GetProperty("errors")[0];
        error.GetProperty("path").GetString().ShouldBe("boom.txt");
        error.GetProperty("message").GetString()!.ShouldContain("internal error");
        json.RootElement.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("location").GetProperty("path").GetString() == "fine.txt");
    }

    [Fact]
    public void Scan_NothingCouldBeScanned_ExitsTwo()
    {
        dir.Write("boom.txt", "crash here\n");
        var run = CliHarness.Run(dir.Path, [new CrashingScanner()], "scan");
        run.ExitCode.ShouldBe(2, run.ToString());
        run.Out.ShouldContain("boom.txt");
    }

    private sealed class CrashingScanner : IScanner
    {
        public Category Category => Category.Iac;

        public IReadOnlyList<IRule> Rules => [];

        public bool Claims(ScanFile file) => file.Name == "boom.txt";

        public ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("simulated scanner bug");
    }
}
