using System.Globalization;
using System.Text;
using Shipgate.Containers.Dockerfiles;
using Shipgate.Containers.Rules;
using Shipgate.Core;

namespace Shipgate.Containers.Tests;

/// <summary>
/// Runs each rule over its fixture folder: every '# NOT OK' line must be followed by a finding of that rule on the
/// next line, no finding may land on the line after '# OK', and the findings must equal the golden
/// '*.expected.txt' (rewrite with SHIPGATE_UPDATE_GOLDEN=1).
/// </summary>
public sealed class RuleFixtureTests
{
    // DKR090 needs the shellcheck executable; ShellcheckIssueTests runs its fixtures (skipped with a reason without it).
    public static TheoryData<string> Fixtures() =>
        [.. Directory.GetDirectories(TestPaths.Fixtures).Select(d => Path.GetFileName(d)).Where(d => !d.StartsWith("DKR090.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_markers_and_golden_file_hold(string folder) => Check(folder);

    internal static void Check(string folder)
    {
        var id = folder.Split('.')[0];
        var rule = DockerfileRules.Create().Single(r => r.Metadata.Id == id);
        var settings = new RuleSettings(
            includeExperimental: true,
            options: new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>
            {
                ["DKR073"] = new Dictionary<string, IReadOnlyList<string>> { ["trusted-registries"] = ["docker.io", "ghcr.io"] },
            });

        foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.Fixtures, folder), "*.Dockerfile").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var text = File.ReadAllText(path);
            var document = DockerfileParser.Parse(text, name);
            var findings = rule.Analyze(document, new RuleContext(name, name, settings)).ToList();
            findings.ShouldAllBe(f => f.Rule.Id == id);

            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var marker = lines[i].Trim();
                var next = i + 2;
                if (marker.StartsWith("# NOT OK", StringComparison.Ordinal))
                {
                    findings.ShouldContain(f => f.Location.StartLine == next, $"{name}: expected a {id} finding on line {next}");
                }
                else if (marker.StartsWith("# OK", StringComparison.Ordinal))
                {
                    findings.ShouldNotContain(f => f.Location.StartLine == next, $"{name}: unexpected {id} finding on line {next}");
                }
            }

            Golden.Check(Path.ChangeExtension(path, ".expected.txt"), Render(findings));
        }
    }

    private static string Render(IEnumerable<Finding> findings)
    {
        var builder = new StringBuilder();
        foreach (var f in findings.OrderBy(f => f.Location.StartLine).ThenBy(f => f.Location.StartColumn))
        {
            builder.Append(CultureInfo.InvariantCulture, $"{f.Location.StartLine}:{f.Location.StartColumn}-{f.Location.EndLine}:{f.Location.EndColumn} {f.RuleId} {f.Severity} {f.Message}\n");
        }

        return builder.ToString();
    }
}

/// <summary>Compares text with a golden file; SHIPGATE_UPDATE_GOLDEN=1 rewrites it instead.</summary>
internal static class Golden
{
    public static void Check(string path, string actual)
    {
        if (Environment.GetEnvironmentVariable("SHIPGATE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        actual.ShouldBe(expected, $"golden file {Path.GetFileName(path)} differs; run with SHIPGATE_UPDATE_GOLDEN=1 to accept");
    }
}
