using System.Text;
using System.Text.Json;
using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

public sealed partial class ScanCommandTests
{
    private const string GoodWorkflow = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-go@v5\n";

    [Fact]
    public void Scan_BadWorkflows_AreErrorsWithPositionsAndTheRestIsAudited()
    {
        // Given broken workflows next to a good one
        dir.Write(".github/workflows/invalid.yml", "on: push\njobs:\n  a: [1, 2\n");
        dir.Write(".github/workflows/list.yml", "- just\n- a list\n");
        dir.Write(".github/workflows/deep.yml", "on: push\njobs:\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', 2 * (i + 1)) + "k" + i + ":\n")) + new string(' ', 602) + "x: 1\n");
        dir.Write(".github/workflows/unknown.yml", "on: push\npermissions: {}\nsurprise: 1\njobs:\n  a:\n    runs-on: x\n    mystery: [1]\n    steps:\n      - uses: actions/setup-go@v5\n");
        dir.Write(".github/workflows/good.yml", GoodWorkflow);

        // When scanning
        var run = CliHarness.Run(dir.Path, "scan", "--only", "workflows", "-f", "json", "-o", "r.json");

        // Then each broken file is one error with line and column, and both parseable files are audited
        run.ExitCode.ShouldBe(1, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("r.json"));
        var errors = json.RootElement.GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("path").GetString()!, e => (Line: e.GetProperty("line").GetInt32(), Column: e.GetProperty("column").GetInt32(), Message: e.GetProperty("message").GetString()!));
        errors.Keys.Order(StringComparer.Ordinal).ShouldBe([".github/workflows/deep.yml", ".github/workflows/invalid.yml", ".github/workflows/list.yml"]);
        errors[".github/workflows/invalid.yml"].Line.ShouldBe(4);
        errors[".github/workflows/list.yml"].ShouldBe((1, 1, "a workflow must be a YAML mapping at the top level"));
        errors[".github/workflows/deep.yml"].Message.ShouldContain("nest");
        errors[".github/workflows/deep.yml"].Line.ShouldBeGreaterThan(100);
        var unpinned = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "GHA004")
            .Select(f => f.GetProperty("location").GetProperty("path").GetString())
            .Order(StringComparer.Ordinal);
        unpinned.ShouldBe([".github/workflows/good.yml", ".github/workflows/unknown.yml"]);
    }

    [Fact]
    public void Scan_HugeWorkflow_IsSkippedByDefaultAndAnErrorWhenTheSizeCapAllowsIt()
    {
        // Given a 50 MB workflow (valid YAML: a long comment) next to a good one
        var huge = new StringBuilder("on: push\njobs: {}\n");
        var line = "# " + new string('x', 1021) + "\n";
        while (huge.Length < 50 * 1024 * 1024)
        {
            huge.Append(line);
        }

        dir.Write(".github/workflows/huge.yml", huge.ToString());
        dir.Write(".github/workflows/good.yml", GoodWorkflow);

        // When scanning with the default size cap, it is listed as skipped
        var run = CliHarness.Run(dir.Path, "scan", "--only", "workflows", "-f", "json", "-o", "r.json");
        run.ExitCode.ShouldBe(1, run.ToString());
        using (var json = JsonDocument.Parse(dir.Read("r.json")))
        {
            json.RootElement.GetProperty("skipped").EnumerateArray().Single().GetProperty("path").GetString().ShouldBe(".github/workflows/huge.yml");
            json.RootElement.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("location").GetProperty("path").GetString() == ".github/workflows/good.yml");
        }

        // And when the cap lets it through, the workflow audit refuses it as an error at 1:1
        dir.Write(".shipgate.yml", "maxFileSize: 100MB\n");
        run = CliHarness.Run(dir.Path, "scan", "--only", "workflows", "-f", "json", "-o", "r.json");
        run.ExitCode.ShouldBe(1, run.ToString());
        using (var json = JsonDocument.Parse(dir.Read("r.json")))
        {
            var error = json.RootElement.GetProperty("errors").EnumerateArray().Single();
            error.GetProperty("path").GetString().ShouldBe(".github/workflows/huge.yml");
            (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()).ShouldBe((1, 1));
            error.GetProperty("message").GetString()!.ShouldContain("too large");
            json.RootElement.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("location").GetProperty("path").GetString() == ".github/workflows/good.yml");
        }
    }
}
