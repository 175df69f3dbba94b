namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// Reads the packages out of one lockfile or manifest format. Pure: no package manager is run and nothing is
/// fetched. Malformed input throws <see cref="Core.InputFormatException"/> with the line where it went wrong.
/// Implementations are stateless and thread-safe.
/// </summary>
public interface ILockfileParser
{
    /// <summary>The canonical format name, which is the format's usual file name (<c>package-lock.json</c>, <c>csproj</c>).</summary>
    string Format { get; }

    /// <summary>Parses <paramref name="content"/>; every package's source path is <paramref name="path"/> as given.</summary>
    IReadOnlyList<Package> Parse(string content, string path);
}
