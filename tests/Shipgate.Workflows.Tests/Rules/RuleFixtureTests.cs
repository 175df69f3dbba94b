namespace Shipgate.Workflows.Tests.Rules;

/// <summary>
/// Every <c>Fixtures/&lt;ID&gt;.&lt;Name&gt;/</c> file: a <c># NOT OK</c> line needs a finding of that rule on the
/// next line, a <c># OK</c> line forbids one there, and all findings of that rule match the golden
/// <c>*.expected.txt</c> (rewrite with SHIPGATE_UPDATE_GOLDEN=1).
/// </summary>
public sealed class RuleFixtureTests
{
    public static TheoryData<string> FixtureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.EnumerateDirectories(FixtureRunner.FixturesRoot).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(directory).Where(f => !f.EndsWith(".expected.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(FixtureRunner.FixturesRoot, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public async Task Fixture_markers_and_golden_file_hold(string fixture)
    {
        // Given a fixture of rule <ID>
        var full = Path.Combine(FixtureRunner.FixturesRoot, fixture);
        var ruleId = fixture.Split('/')[0].Split('.')[0];
        var lines = await File.ReadAllLinesAsync(full);

        // When it is scanned with every persona's findings
        var findings = (await FixtureRunner.ScanAsync(full)).Where(f => f.RuleId == ruleId).ToList();

        // Then each marker holds
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = lines[i].TrimStart();
            var target = i + 2;
            if (marker.StartsWith("# NOT OK", StringComparison.Ordinal))
            {
                findings.Any(f => f.Location.StartLine == target).ShouldBeTrue($"{fixture}:{target} should have a {ruleId} finding");
            }
            else if (marker.StartsWith("# OK", StringComparison.Ordinal))
            {
                findings.Any(f => f.Location.StartLine == target).ShouldBeFalse($"{fixture}:{target} should have no {ruleId} finding");
            }
        }

        // And the findings match the golden file
        var golden = Path.ChangeExtension(full, null) + ".expected.txt";
        var sourceGolden = Path.Combine(SourceFixturesRoot(), Path.ChangeExtension(fixture, null) + ".expected.txt");
        var actual = FixtureRunner.Render(findings);
        if (Environment.GetEnvironmentVariable("SHIPGATE_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(sourceGolden, actual);
            return;
        }

        File.Exists(golden).ShouldBeTrue($"missing golden file {sourceGolden}; run with SHIPGATE_UPDATE_GOLDEN=1");
        actual.ShouldBe(await File.ReadAllTextAsync(golden));
    }

    internal static string SourceFixturesRoot() => Path.Combine(Shipgate.Testing.SourceTree.ProjectDirectory, "Fixtures");
}
