namespace Shipgate.Core;

/// <summary>
/// Several <see cref="Glob"/>s that match when any one does: the <c>exclude</c> list of a configuration, for example.
/// Created from configuration or <see cref="DiscoveryOptions"/>; used by <see cref="FileDiscovery"/>. Immutable and thread-safe.
/// </summary>
public sealed class GlobSet
{
    private readonly Glob[] globs;

    /// <summary>Compiles every pattern.</summary>
    /// <exception cref="ArgumentException">A pattern is empty or malformed; the message names it.</exception>
    public GlobSet(IEnumerable<string> patterns, bool ignoreCase = false)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        globs = [.. patterns.Select(p => Glob.Compile(p, ignoreCase))];
    }

    /// <summary>A set that matches nothing.</summary>
    public static GlobSet Empty { get; } = new([]);

    public IReadOnlyList<Glob> Globs => globs;

    public int Count => globs.Length;

    /// <summary>Whether any glob matches <paramref name="relativePath"/> or a directory above it.</summary>
    public bool IsMatch(string relativePath, bool isDirectory = false) => globs.Any(g => g.IsMatch(relativePath, isDirectory));

    /// <summary>Whether any glob matches the path itself (the directories above it are assumed not to match).</summary>
    internal bool IsMatchHere(ReadOnlySpan<char> path, bool isDirectory)
    {
        foreach (var glob in globs)
        {
            if (glob.IsMatchHere(path, isDirectory))
            {
                return true;
            }
        }

        return false;
    }
}
