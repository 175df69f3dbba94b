using System.Text.Json;
using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

public sealed partial class ScanCommandTests : IDisposable
{
    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Scan_LeakedToken_ExitsOneAndRedactsTheValue()
    {
        // Given a file with a freshly generated token
        var sample = SecretSamples.GitHubToken();
        dir.Write("src/settings.py", "import os\n" + sample.Line + "\n");

        // When scanning the folder
        var run = CliHarness.Run(dir.Path, "scan", ".");

        // Then the finding is reported at its line, and the value never appears
        run.ExitCode.ShouldBe(1, run.ToString());
        run.Out.ShouldContain("src/settings.py");
        run.Out.ShouldContain(sample.RuleId);
        run.Out.ShouldNotContain(sample.Secret);
        run.Error.ShouldNotContain(sample.Secret);
    }

    [Fact]
    public void Scan_CleanTree_ExitsZero()
    {
        dir.Write("README.md", "# nothing to see\n");
        var run = CliHarness.Run(dir.Path, "scan");
        run.ExitCode.ShouldBe(0, run.ToString());
    }

    [Fact]
    public void Scan_JsonReport_FollowsTheV1Contract()
    {
        var sample = SecretSamples.GitHubToken();
        dir.Write("app/config.env", "\n\n" + sample.Line + "\n");

        var run = CliHarness.Run(dir.Path, "scan", "app", "--format", "json", "--output", "out/report.json");

        run.ExitCode.ShouldBe(1, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("out/report.json"));
        var root = json.RootElement;
        root.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        var finding = root.GetProperty("findings")[0];
        finding.GetProperty("ruleId").GetString().ShouldBe(sample.RuleId);
        finding.GetProperty("ruleName").GetString().ShouldBe(sample.RuleName);
        finding.GetProperty("category").GetString().ShouldBe("secrets");
        finding.GetProperty("location").GetProperty("path").GetString().ShouldBe("app/config.env");
        finding.GetProperty("location").GetProperty("startLine").GetInt32().ShouldBe(3);
        finding.GetProperty("fingerprint").GetString().ShouldNotBeNullOrEmpty();
        root.GetProperty("errors").GetArrayLength().ShouldBe(0);
        dir.Read("out/report.json").ShouldNotContain(sample.Secret);
    }

    [Fact]
    public void Scan_SeveralFormats_WritesEachToItsFile()
    {
        var sample = SecretSamples.GitHubToken();
        dir.Write("a.txt", sample.Line + "\n");

        var run = CliHarness.Run(dir.Path, "scan", "a.txt", "-f", "json", "-o", "r.json", "-f", "sarif", "-o", "r.sarif", "-f", "markdown", "-o", "r.md", "-f", "junit", "-o", "r.xml");

        run.ExitCode.ShouldBe(1, run.ToString());
        foreach (var file in new[] { "r.json", "r.sarif", "r.md", "r.xml" })
        {
            dir.Read(file).ShouldNotBeNullOrWhiteSpace();
            dir.Read(file).ShouldNotContain(sample.Secret);
        }

        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public void Scan_GithubFormat_PrintsWorkflowCommands()
    {
        var sample = SecretSamples.GitHubToken();
        dir.Write("a.txt", sample.Line + "\n");
        var run = CliHarness.Run(dir.Path, "scan", "--format", "github");
        run.ExitCode.ShouldBe(1, run.ToString());
        run.Out.ShouldContain("file=a.txt,line=1");
    }

    [Fact]
    public void Scan_FailOnCritical_PassesWithOnlyHighFindings()
    {
        var sample = SecretSamples.GitHubToken();
        dir.Write(".shipgate.yml", $"remap:\n  {sample.RuleId}: high\n");
        dir.Write("a.txt", sample.Line + "\n");

        CliHarness.Run(dir.Path, "scan", "--fail-on", "critical").ExitCode.ShouldBe(0);
        CliHarness.Run(dir.Path, "scan", "--fail-on", "high").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Scan_MinConfidenceAboveTheRule_HidesTheFinding()
    {
        var sample = SecretSamples.GitHubToken();
        dir.Write("a.txt", sample.Line + "\n");
        var run = CliHarness.Run(dir.Path, "scan", "--min-confidence", "high", "--format", "json", "-o", "r.json");
        using var json = JsonDocument.Parse(dir.Read("r.json"));
        var confidences = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("confidence").GetString());
        confidences.ShouldAllBe(c => c == "high");
        run.ExitCode.ShouldBeOneOf(0, 1);
    }

    [Fact]
    public void Scan_OnlyOtherCategory_DoesNotRunTheSecretsScanner()
    {
        var sample = SecretSamples.GitHubToken();
        dir.Write("a.txt", sample.Line + "\n");
        var run = CliHarness.Run(dir.Path, "scan", "--only", "docker");
        run.ExitCode.ShouldBe(0, run.ToString());
    }

    [Fact]
    public void Scan_ExplicitFileInsideIgnoredFolder_IsStillScanned()
    {
        var sample = SecretSamples.GitHubToken();
        dir.InitRepository();
        dir.Write(".gitignore", "build/\n");
        dir.Write("build/out.txt", sample.Line + "\n");

        CliHarness.Run(dir.Path, "scan", ".").ExitCode.ShouldBe(0);
        CliHarness.Run(dir.Path, "scan", "build/out.txt").ExitCode.ShouldBe(1);
        CliHarness.Run(dir.Path, "scan", ".", "--no-gitignore").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Help_ListsExitCodes()
    {
        var run = CliHarness.Run(dir.Path, "scan", "--help");
        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("Exit codes");
    }

    [Fact]
    public void Version_PrintsNameAndVersion()
    {
        var run = CliHarness.Run(dir.Path, "version");
        run.ExitCode.ShouldBe(0);
        run.Out.ShouldStartWith("shipgate ");
    }
}
