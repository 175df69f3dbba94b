using System.Reflection;

namespace Shipgate.Containers.Tests;

/// <summary>
/// Locates test data through the project folder recorded at build time (an assembly metadata attribute), never by
/// walking up directories; golden files are rewritten in the source tree.
/// </summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } =
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;

    public static string Fixtures => Path.Combine(ProjectDirectory, "Fixtures");

    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));
}
