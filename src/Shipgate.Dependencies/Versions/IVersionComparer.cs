namespace Shipgate.Dependencies.Versions;

/// <summary>
/// Orders the version strings of one ecosystem the way its package manager does. Never throws on odd input: text
/// the scheme does not recognise still gets a deterministic place in the order. Stateless; thread-safe.
/// </summary>
public interface IVersionComparer : IComparer<string>
{
    Ecosystem Ecosystem { get; }
}
