using System.Globalization;
using System.Text;
using System.Text.Json;
using Shipgate.Core;
using Shipgate.Dependencies.Rules;
using Shipgate.Dependencies.Tests.Support;

namespace Shipgate.Dependencies.Tests.Rules;

/// <summary>
/// Runs each DEP rule over its fixture folder <c>Fixtures/Rules/&lt;ID&gt;.&lt;Name&gt;/</c>. Each sub-folder is one case,
/// copied to a fresh temporary folder (so sibling and parent-folder lookups see only the case) and scanned through
/// <see cref="DependencyScanner"/> like <c>shipgate scan</c> does. Cases named <c>bad-*</c> must produce at least one
/// finding of the rule, cases named <c>good-*</c> none; all findings must equal the golden <c>expected.txt</c>
/// (rewrite with SHIPGATE_UPDATE_GOLDEN=1). An optional <c>options.json</c> in the rule folder, or in a case folder
/// for that case only, holds per-rule options; an optional <c>advisories/</c> folder of OSV records is imported into
/// a real store that the cases are matched against.
/// </summary>
public sealed class RuleFixtureTests
{
    public const string Root = "Fixtures/Rules";

    public static TheoryData<string> Folders() =>
        [.. Directory.GetDirectories(Path.Combine(Golden.OutputRoot, Root)).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task Fixture_cases_fire_and_stay_quiet_as_named(string folder)
    {
        var id = folder.Split('.')[0];
        var rule = DependencyRules.Create().Single(r => r.Metadata.Id == id);
        var source = Path.Combine(Golden.OutputRoot, Root, folder);
        var output = new StringBuilder();
        foreach (var caseFolder in Directory.GetDirectories(source).Order(StringComparer.Ordinal))
        {
            var caseName = Path.GetFileName(caseFolder)!;
            if (caseName == FixtureAdvisories.FolderName)
            {
                continue;
            }

            var settings = Settings(File.Exists(Path.Combine(caseFolder, "options.json")) ? caseFolder : source);
            var findings = await ScanCase(rule, caseFolder, caseName, settings);
            if (caseName.StartsWith("bad", StringComparison.Ordinal))
            {
                findings.ShouldNotBeEmpty($"{folder}/{caseName}: expected at least one {id} finding");
            }
            else if (caseName.StartsWith("good", StringComparison.Ordinal))
            {
                findings.ShouldBeEmpty($"{folder}/{caseName}: expected no {id} finding");
            }
            else
            {
                throw new InvalidOperationException($"{folder}/{caseName}: a case folder is named bad-* or good-*");
            }

            foreach (var f in findings)
            {
                output.Append(CultureInfo.InvariantCulture, $"{f.Location.Path}:{f.Location.StartLine}:{f.Location.StartColumn}-{f.Location.EndLine}:{f.Location.EndColumn} {f.RuleId} {f.Severity} {f.Message}\n");
            }
        }

        Golden.Verify($"{Root}/{folder}/expected.txt", output.ToString());
    }

    /// <summary>Copies the case to a temporary folder and scans every file the scanner claims, with this rule only.</summary>
    internal static async Task<List<Finding>> ScanCase(DependencyRule rule, string caseFolder, string caseName, RuleSettings settings)
    {
        var temp = Directory.CreateTempSubdirectory("shipgate-dep-");
        try
        {
            var root = Path.Combine(temp.FullName, caseName);
            CopyTree(caseFolder, root);
            using var advisories = FixtureAdvisories.Open(Path.GetDirectoryName(caseFolder)!, temp.FullName);
            var scanner = new DependencyScanner([rule]).WithAdvisories(advisories);
            var findings = new List<Finding>();
            foreach (var full in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = caseName + "/" + Path.GetRelativePath(root, full).Replace('\\', '/');
                var file = ScanFile.FromDisk(full, relative, relative, new FileInfo(full).Length);
                if (!scanner.Claims(file))
                {
                    continue;
                }

                findings.AddRange(await scanner.ScanAsync(file, new RuleContext(relative, relative, settings), CancellationToken.None));
            }

            findings.ShouldAllBe(f => f.Rule.Id == rule.Metadata.Id);
            return [.. findings.OrderBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.StartLine).ThenBy(f => f.Location.StartColumn)];
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    /// <summary>Per-rule options from <c>options.json</c> (<c>{"DEP103": {"registries": ["…"]}}</c>) plus experimental rules on.</summary>
    internal static RuleSettings Settings(string folder)
    {
        var path = Path.Combine(folder, "options.json");
        var options = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(path))
        {
            var parsed = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string[]>>>(File.ReadAllText(path))!;
            foreach (var (rule, values) in parsed)
            {
                options[rule] = values.ToDictionary(v => v.Key, v => (IReadOnlyList<string>)v.Value, StringComparer.OrdinalIgnoreCase);
            }
        }

        return new RuleSettings(options: options, includeExperimental: true);
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
