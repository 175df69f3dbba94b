using System.Globalization;
using System.Text;
using Shipgate.Core;

namespace Shipgate.Workflows.Tests.Rules;

/// <summary>Runs the workflows scanner over one fixture file, placed at the path that makes the scanner claim it.</summary>
internal static class FixtureRunner
{
    public static string FixturesRoot => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The scan path for a fixture file name: workflows go under .github/workflows/.</summary>
    public static string ScanPathFor(string fileName) => fileName switch
    {
        "action.yml" or "action.yaml" => "action.yml",
        "dependabot.yml" => ".github/dependabot.yml",
        ".gitlab-ci.yml" => ".gitlab-ci.yml",
        ".pre-commit-config.yaml" => ".pre-commit-config.yaml",
        _ when fileName.EndsWith(".gitlab-ci.yml", StringComparison.Ordinal) => fileName,
        _ => ".github/workflows/" + fileName,
    };

    /// <summary>Scans with the persona named on a first line <c># persona: regular</c>, else as an auditor (every finding).</summary>
    public static async Task<IReadOnlyList<Finding>> ScanAsync(string fullPath)
    {
        var first = File.ReadLines(fullPath).FirstOrDefault() ?? "";
        var persona = first.StartsWith("# persona:", StringComparison.Ordinal) && Enum.TryParse<Persona>(first["# persona:".Length..].Trim(), true, out var p) ? p : Persona.Auditor;
        var name = Path.GetFileName(fullPath);
        var scanPath = ScanPathFor(name);
        var file = ScanFile.FromDisk(fullPath, scanPath, scanPath, new FileInfo(fullPath).Length);
        var scanner = new WorkflowsScanner(new WorkflowScanSettings { Persona = persona });
        scanner.Claims(file).ShouldBeTrue($"the scanner should claim {scanPath}");
        var context = new RuleContext(scanPath, scanPath, FixtureSettings);
        return await scanner.ScanAsync(file, context, CancellationToken.None);
    }

    /// <summary>Fixture runs configure the policy rules that report nothing by default.</summary>
    private static readonly RuleSettings FixtureSettings = new(
        options: new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>
        {
            ["GHA027"] = new Dictionary<string, IReadOnlyList<string>> { ["deny"] = ["forbidden-owner/*"] },
        },
        includeExperimental: true);

    public static async Task<IReadOnlyList<Finding>> ScanTextAsync(string scanPath, string text, Persona persona = Persona.Regular)
    {
        var file = ScanFile.FromBytes(scanPath, Encoding.UTF8.GetBytes(text), scanPath);
        var scanner = new WorkflowsScanner(new WorkflowScanSettings { Persona = persona });
        scanner.Claims(file).ShouldBeTrue();
        var context = new RuleContext(scanPath, scanPath, new RuleSettings(includeExperimental: true));
        return await scanner.ScanAsync(file, context, CancellationToken.None);
    }

    /// <summary>The golden-file form of findings: one line each, sorted.</summary>
    public static string Render(IEnumerable<Finding> findings) =>
        string.Concat(findings
            .OrderBy(f => f.Location.StartLine).ThenBy(f => f.Location.StartColumn).ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Location.StartLine}:{f.Location.StartColumn} {f.RuleId} {f.Severity.ToWire()}/{f.Confidence.ToWire()} {f.Message}\n")));
}
