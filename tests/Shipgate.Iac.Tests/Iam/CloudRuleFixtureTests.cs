namespace Shipgate.Iac.Tests.Iam;

/// <summary>
/// Runs the scanner over each rule's fixture folder. In files named <c>fire*</c> the rule must report at least once and
/// in files named <c>clean*</c> never. In files with comments, a <c># NOT OK</c> line must be followed by a finding of
/// the rule on the next line and a <c># OK</c> line by none. The rule's findings must equal the golden
/// <c>*.expected.txt</c> (rewrite with SHIPGATE_UPDATE_GOLDEN=1).
/// </summary>
public sealed class CloudRuleFixtureTests
{
    public static TheoryData<string> RuleIds() => [.. new CloudInfrastructureScanner().Rules.Select(r => r.Metadata.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Fixture_markers_and_golden_file_hold(string id)
    {
        var rule = new CloudInfrastructureScanner().Rules.Single(r => r.Metadata.Id == id);
        var folder = CloudScan.FixtureFolder(rule);
        var files = Directory.GetFiles(folder).Where(f => !f.EndsWith(".expected.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        files.ShouldNotBeEmpty();
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            var text = File.ReadAllText(path);
            var findings = CloudScan.Scan(name, text).Where(f => f.RuleId == id).ToList();

            if (name.StartsWith("fire", StringComparison.Ordinal))
            {
                findings.ShouldNotBeEmpty($"{name}: expected a {id} finding");
            }
            else if (name.StartsWith("clean", StringComparison.Ordinal))
            {
                findings.ShouldBeEmpty($"{name}: unexpected {id} finding");
            }

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

            CloudScan.CheckGolden(Path.ChangeExtension(path, ".expected.txt"), CloudScan.Render(findings));
        }
    }
}
