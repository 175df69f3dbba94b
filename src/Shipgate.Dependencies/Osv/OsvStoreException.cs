namespace Shipgate.Dependencies.Osv;

/// <summary>
/// The vulnerability database is missing, unreadable, corrupt or from an incompatible version. The message says
/// what happened and how to fix it (import or update); the CLI prints it and exits with 2.
/// </summary>
public sealed class OsvStoreException : Exception
{
    public OsvStoreException(string message)
        : base(message)
    {
    }

    public OsvStoreException()
    {
    }

    public OsvStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
