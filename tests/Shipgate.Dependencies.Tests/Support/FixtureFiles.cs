using Shipgate.Dependencies.Lockfiles;

namespace Shipgate.Dependencies.Tests.Support;

/// <summary>Lockfile fixtures: <c>Fixtures/Lockfiles/&lt;format&gt;/&lt;file&gt;</c>, each case paired with <c>&lt;file&gt;.expected.txt</c>.</summary>
internal static class FixtureFiles
{
    public const string Root = "Fixtures/Lockfiles";

    public const string GoldenSuffix = ".expected.txt";

    /// <summary>(format folder, input file name) for every golden file.</summary>
    public static IEnumerable<(string Format, string File)> Cases()
    {
        var root = Path.Combine(Golden.OutputRoot, Root);
        foreach (var golden in Directory.EnumerateFiles(root, "*" + GoldenSuffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, golden).Replace('\\', '/');
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            yield return (relative[..slash], relative[(slash + 1)..^GoldenSuffix.Length]);
        }
    }

    public static PhysicalFileReader Reader => new(Golden.OutputRoot);

    public static string RelativePath(string format, string file) => $"{Root}/{format}/{file}";
}
