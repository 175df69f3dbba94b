namespace Shipgate.Secrets.Sources;

/// <summary>Checks shared by the git sources: the path exists and is a repository.</summary>
internal static class GitRepository
{
    /// <summary>Throws <see cref="GitRepositoryException"/> unless <paramref name="path"/> is (inside) a git repository.</summary>
    public static void Verify(string path, IReadOnlyDictionary<string, string>? environment)
    {
        if (!Directory.Exists(path))
        {
            throw new GitRepositoryException($"{path}: directory does not exist.");
        }

        GitProcess.Run(path, environment, "rev-parse", "--git-dir");
    }

    /// <summary>Whether <paramref name="revision"/> names a commit.</summary>
    public static bool HasCommit(string path, string revision, IReadOnlyDictionary<string, string>? environment) =>
        GitProcess.TryRun(path, environment, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}") is not null;
}
