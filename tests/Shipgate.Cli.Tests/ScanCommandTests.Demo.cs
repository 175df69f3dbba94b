using System.Text.Json;
using Shipgate.Cli.Tests.Support;
using Shipgate.Testing;

namespace Shipgate.Cli.Tests;

public sealed partial class ScanCommandTests
{
    [Fact]
    public void Scan_TheDemoApp_FindsSomethingInEveryCategoryWithoutErrors()
    {
        // Given a copy of the README's demo project (outside the repository, so Shipgate's own .shipgate.yml,
        // which excludes examples/, does not apply)
        var demo = Path.Combine(SourceTree.RepositoryRoot, "examples", "vulnerable-app");
        foreach (var file in Directory.EnumerateFiles(demo, "*", SearchOption.AllDirectories))
        {
            dir.Write(Path.GetRelativePath(demo, file), File.ReadAllText(file));
        }

        // When it is scanned as the README says
        var run = CliHarness.Run(dir.Path, "scan", ".", "--format", "json", "--output", "report.json");

        // Then it fails the gate, every file parses, and every scanner category has findings
        run.ExitCode.ShouldBe(1, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("report.json"));
        var root = json.RootElement;
        root.GetProperty("errors").EnumerateArray().Select(e => e.ToString()).ShouldBeEmpty();
        var categories = root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("category").GetString()).ToHashSet();
        categories.ShouldBe(["secrets", "workflows", "deps", "docker", "iac"], ignoreOrder: true);
    }
}
