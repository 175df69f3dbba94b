using System.Runtime.CompilerServices;

namespace Shipgate.Containers.Tests;

/// <summary>Locates test data through the compiler-provided source path, never by walking up directories.</summary>
internal static class TestPaths
{
    public static string ProjectDirectory([CallerFilePath] string callerPath = "") => Path.GetDirectoryName(callerPath)!;

    public static string Fixtures => Path.Combine(ProjectDirectory(), "Fixtures");

    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(ProjectDirectory(), "..", ".."));
}
