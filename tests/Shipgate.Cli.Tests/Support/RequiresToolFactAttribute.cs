namespace Shipgate.Cli.Tests.Support;

/// <summary>
/// A fact that needs an external program on PATH (<c>.ci/run</c> installs it). Without the program the test is
/// reported as skipped with the reason, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool)
    {
        Tool = tool;
        if (FindOnPath(tool) is null)
        {
            Skip = $"'{tool}' is not on PATH (.ci/run installs it)";
        }
    }

    public string Tool { get; }

    public static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
}
