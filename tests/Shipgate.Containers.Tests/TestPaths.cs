namespace Shipgate.Containers.Tests;

/// <summary>
/// Locates test data through the project folder recorded at build time (an assembly metadata attribute), never by
/// walking up directories; golden files are rewritten in the source tree.
/// </summary>
internal static class TestPaths
{
    public static string ProjectDirectory => Shipgate.Testing.SourceTree.ProjectDirectory;

    public static string Fixtures => Path.Combine(ProjectDirectory, "Fixtures");

    public static string RepositoryRoot => Shipgate.Testing.SourceTree.RepositoryRoot;
}
