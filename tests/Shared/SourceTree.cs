using System.Reflection;

namespace Shipgate.Testing;

/// <summary>
/// Where the test project's sources and the repository live, as recorded at build time by
/// <c>tests/Directory.Build.props</c>. Golden files are rewritten under <see cref="ProjectDirectory"/>.
/// </summary>
internal static class SourceTree
{
    /// <summary>The test project's source folder.</summary>
    public static string ProjectDirectory { get; } = Read("ProjectDirectory");

    /// <summary>The repository root (the folder holding <c>Shipgate.slnx</c>).</summary>
    public static string RepositoryRoot { get; } = Read("RepositoryRoot");

    /// <summary>The folder of rule documentation pages.</summary>
    public static string RuleDocs => Path.Combine(RepositoryRoot, "docs", "rules");

    private static string Read(string key) =>
        Path.GetFullPath(typeof(SourceTree).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);
}
