namespace Shipgate.Core.Tests.Discovery;

/// <summary>A fresh directory under the system temp folder, deleted (permissions restored first) on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("shipgate-test-").FullName;
    }

    public string Path { get; }

    /// <summary>The absolute path of <paramref name="relative"/> (forward slashes allowed).</summary>
    public string Full(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Join(Path, relative));

    /// <summary>Writes a file, creating its parent directories, and returns its absolute path.</summary>
    public string Write(string relative, string content = "x")
    {
        var full = Full(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string CreateDirectory(string relative) => Directory.CreateDirectory(Full(relative)).FullName;

    public void Dispose()
    {
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                foreach (var directory in Directory.EnumerateDirectories(Path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 }))
                {
                    File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
