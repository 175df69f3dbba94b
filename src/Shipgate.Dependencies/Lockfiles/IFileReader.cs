using Shipgate.Core;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// How a parser reads the few files a format pulls in beside the one it was given (a <c>-r</c> include in
/// requirements.txt, the <c>go.sum</c> beside a <c>go.mod</c>, a Maven parent POM). Thread-safe.
/// </summary>
public interface IFileReader
{
    /// <summary>The text of the file, or null when it does not exist or cannot be read.</summary>
    string? TryRead(string path);

    bool Exists(string path);
}

/// <summary>
/// Reads from the real file system, resolving relative paths against a base directory and refusing files over
/// <see cref="MaxBytes"/>.
/// </summary>
public sealed class PhysicalFileReader(string baseDirectory) : IFileReader
{
    /// <summary>The largest lockfile we read: 64 MiB, far above any real lockfile.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public bool Exists(string path) => File.Exists(Resolve(path));

    public string? TryRead(string path)
    {
        try
        {
            var info = new FileInfo(Resolve(path));
            if (!info.Exists)
            {
                return null;
            }

            if (info.Length > MaxBytes)
            {
                throw new InputFormatException($"The file is larger than {MaxBytes / (1024 * 1024)} MiB and was not read.");
            }

            return TextDecoder.Decode(File.ReadAllBytes(info.FullName));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string Resolve(string path) => Path.GetFullPath(path, baseDirectory);
}

/// <summary>No file system at all: every lookup misses. For parsing content that does not come from disk.</summary>
public sealed class NoFileReader : IFileReader
{
    public static NoFileReader Instance { get; } = new();

    public bool Exists(string path) => false;

    public string? TryRead(string path) => null;
}
