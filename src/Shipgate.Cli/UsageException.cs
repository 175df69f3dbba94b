namespace Shipgate.Cli;

/// <summary>A user mistake found after parsing (a bad value, a missing file): one line on stderr, exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
