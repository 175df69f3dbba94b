using System.Globalization;
using System.Text;
using Shipgate.Core;
using Shipgate.Iac.Kubernetes;

namespace Shipgate.Iac.Tests.Kubernetes;

/// <summary>
/// Runs each Kubernetes rule over its fixture folder: in <c>Invalid.yaml</c> every <c># NOT OK</c> line must be followed
/// by a finding of that rule on the next line and no finding may land on the line after <c># OK</c>; the findings must
/// equal the golden <c>Invalid.expected.txt</c> (rewrite with SHIPGATE_UPDATE_GOLDEN=1). <c>Valid.yaml</c> must produce
/// no finding of the rule at all.
/// </summary>
public sealed class KubernetesRuleFixtureTests
{
    public static TheoryData<string> Fixtures() =>
        [.. Directory.GetDirectories(KubernetesTestPaths.Fixtures).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Invalid_fixture_fires_on_every_marked_line(string folder)
    {
        // Given the rule named by the folder and its Invalid.yaml
        var id = folder.Split('.')[0];
        var rule = KubernetesRuleCatalog.Create().Single(r => r.Metadata.Id == id);
        var path = Path.Combine(KubernetesTestPaths.Fixtures, folder, "Invalid.yaml");
        var text = File.ReadAllText(path);

        // When the rule analyses it
        var findings = Analyze(rule, "Invalid.yaml", text);

        // Then the markers hold and the golden file matches
        findings.ShouldNotBeEmpty();
        findings.ShouldAllBe(f => f.Rule.Id == id);
        var lines = text.Split('\n');
        var notOk = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = lines[i].Trim();
            var next = i + 2;
            if (marker.StartsWith("# NOT OK", StringComparison.Ordinal))
            {
                notOk++;
                findings.ShouldContain(f => f.Location.StartLine == next, $"{folder}: expected a {id} finding on line {next}");
            }
            else if (marker.StartsWith("# OK", StringComparison.Ordinal))
            {
                findings.ShouldNotContain(f => f.Location.StartLine == next, $"{folder}: unexpected {id} finding on line {next}");
            }
        }

        notOk.ShouldBeGreaterThan(0);
        KubernetesGolden.Check(Path.ChangeExtension(path, ".expected.txt"), Render(findings));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Valid_fixture_does_not_fire(string folder)
    {
        // Given the rule and its Valid.yaml, which carries at least one '# OK' marker
        var id = folder.Split('.')[0];
        var rule = KubernetesRuleCatalog.Create().Single(r => r.Metadata.Id == id);
        var text = File.ReadAllText(Path.Combine(KubernetesTestPaths.Fixtures, folder, "Valid.yaml"));
        text.ShouldContain("# OK");

        // When / Then: nothing is reported
        Analyze(rule, "Valid.yaml", text).ShouldBeEmpty();
    }

    internal static List<Finding> Analyze(IRule rule, string name, string text)
    {
        var manifest = ManifestReader.Read(name, text);
        var context = new RuleContext(name, name, new RuleSettings(includeExperimental: true));
        return [.. ((Rule<KubernetesManifest>)rule).Analyze(manifest, context)];
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
internal static class KubernetesGolden
{
    public static void Check(string path, string actual)
    {
        if (Environment.GetEnvironmentVariable("SHIPGATE_UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            File.WriteAllText(path, actual);
            return;
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        actual.ShouldBe(expected, $"golden file {Path.GetFileName(path)} differs; run with SHIPGATE_UPDATE_GOLDEN=1 to accept");
    }
}
