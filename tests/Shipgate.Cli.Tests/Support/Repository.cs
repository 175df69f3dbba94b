namespace Shipgate.Cli.Tests.Support;

/// <summary>The repository this test assembly was built from (recorded at build time; source paths are remapped in CI builds).</summary>
public static class Repository
{
    public static string Root { get; } = Path.GetFullPath(
        Shipgate.Testing.SourceTree.RepositoryRoot);
}
