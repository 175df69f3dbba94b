namespace Shipgate.Secrets.Sources;

/// <summary>
/// The repository is missing, not a git repository, corrupt, or git itself is unavailable. The message is one line
/// meant for users; the CLI maps this exception to the usage/input error exit code.
/// </summary>
public sealed class GitRepositoryException : Exception
{
    public GitRepositoryException()
    {
    }

    public GitRepositoryException(string message)
        : base(message)
    {
    }

    public GitRepositoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
