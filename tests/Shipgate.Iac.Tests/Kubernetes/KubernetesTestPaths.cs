namespace Shipgate.Iac.Tests.Kubernetes;

/// <summary>
/// Locates the Kubernetes test data through the project folder recorded at build time (never by walking up
/// directories); golden files are rewritten in the source tree.
/// </summary>
internal static class KubernetesTestPaths
{
    public static string Fixtures => Path.Combine(Shipgate.Testing.SourceTree.ProjectDirectory, "Kubernetes", "Fixtures");

    public static string RepositoryRoot => Shipgate.Testing.SourceTree.RepositoryRoot;

    public static string FixtureFolder(Shipgate.Core.IRule rule) => Path.Combine(Fixtures, rule.Metadata.Id + "." + rule.GetType().Name);
}
