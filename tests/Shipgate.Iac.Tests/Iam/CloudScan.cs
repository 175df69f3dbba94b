using System.Globalization;
using System.Text;
using Shipgate.Core;

namespace Shipgate.Iac.Tests.Iam;

/// <summary>
/// Test support for the cloud infrastructure scanner (IAM, Terraform, CloudFormation): scans text or files through the
/// real scanner, renders findings for golden files, and locates the fixture folders.
/// </summary>
internal static class CloudScan
{
    public static string ProjectDirectory => Shipgate.Testing.SourceTree.ProjectDirectory;

    public static string RepositoryRoot => Shipgate.Testing.SourceTree.RepositoryRoot;

    public static RuleSettings AllRules { get; } = new(includeExperimental: true);

    /// <summary>Scans content as if it were a file named <paramref name="name"/>; throws when the scanner does not claim it.</summary>
    public static IReadOnlyList<Finding> Scan(string name, string text)
    {
        var scanner = new CloudInfrastructureScanner();
        var file = ScanFile.FromBytes(name, Encoding.UTF8.GetBytes(text), name);
        scanner.Claims(file).ShouldBeTrue($"{name} should be claimed");
        return scanner.ScanAsync(file, new RuleContext(name, name, AllRules), CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    public static string Render(IEnumerable<Finding> findings)
    {
        var builder = new StringBuilder();
        foreach (var f in findings.OrderBy(f => f.Location.StartLine).ThenBy(f => f.Location.StartColumn).ThenBy(f => f.RuleId, StringComparer.Ordinal))
        {
            builder.Append(CultureInfo.InvariantCulture, $"{f.Location.StartLine}:{f.Location.StartColumn} {f.RuleId} {f.Severity} {f.Message}\n");
        }

        return builder.ToString();
    }

    /// <summary>Compares text with a golden file; SHIPGATE_UPDATE_GOLDEN=1 (or a missing file) rewrites it.</summary>
    public static void CheckGolden(string path, string actual)
    {
        if (Environment.GetEnvironmentVariable("SHIPGATE_UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            File.WriteAllText(path, actual);
            return;
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        actual.ShouldBe(expected, $"golden file {Path.GetFileName(path)} differs; run with SHIPGATE_UPDATE_GOLDEN=1 to accept");
    }

    /// <summary>The fixture folder of a rule: <c>&lt;Family&gt;/Fixtures/&lt;ID&gt;.&lt;Class&gt;</c>.</summary>
    public static string FixtureFolder(IRule rule)
    {
        var family = rule.Metadata.Id switch
        {
            var id when id.StartsWith("IAM", StringComparison.Ordinal) => "Iam",
            var id when id.StartsWith("TF", StringComparison.Ordinal) => "Terraform",
            _ => "CloudFormation",
        };
        return Path.Combine(ProjectDirectory, family, "Fixtures", rule.Metadata.Id + "." + rule.GetType().Name);
    }
}
