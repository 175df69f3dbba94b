namespace Shipgate.Dependencies.Tests.Support;

/// <summary>
/// Golden files kept next to the tests. A mismatch fails with both texts; with <c>SHIPGATE_UPDATE_GOLDEN=1</c> the
/// golden file in the source tree is rewritten instead.
/// </summary>
internal static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("SHIPGATE_UPDATE_GOLDEN") is "1" or "true";

    /// <summary>The test project's source folder, recorded at build time.</summary>
    public static string SourceRoot() => Shipgate.Testing.SourceTree.ProjectDirectory;

    /// <summary>The folder the fixtures were copied to.</summary>
    public static string OutputRoot => AppContext.BaseDirectory;

    public static void Verify(string relativePath, string actual)
    {
        actual = actual.ReplaceLineEndings("\n");
        var sourcePath = Path.Combine(SourceRoot(), relativePath);
        if (Updating)
        {
            File.WriteAllText(sourcePath, actual);
            return;
        }

        var outputPath = Path.Combine(OutputRoot, relativePath);
        var expected = File.Exists(outputPath) ? File.ReadAllText(outputPath).ReplaceLineEndings("\n") : "";
        actual.ShouldBe(expected, $"Golden file {relativePath} differs; rerun with SHIPGATE_UPDATE_GOLDEN=1 to accept.");
    }
}
