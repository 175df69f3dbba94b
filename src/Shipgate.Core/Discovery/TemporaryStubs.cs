// TEMPORARY until the discovery branch lands.
namespace Shipgate.Core.Discovery;

public sealed class GlobSet(IEnumerable<string> patterns)
{
    private readonly string[] patterns = patterns.ToArray();

    public bool IsMatch(string path) => patterns.Any(p => path.Contains(p.Trim('*'), StringComparison.Ordinal));
}

public sealed record DiscoveryOptions
{
    public IReadOnlyList<string> Targets { get; init; } = [];

    public string WorkingDirectory { get; init; } = "";

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public bool UseGitIgnore { get; init; } = true;

    public long MaxFileSize { get; init; }
}

public sealed record DiscoveredItem(ScanFile? File, SkippedFile? Skipped, ScanError? Error);

public sealed class FileDiscovery(DiscoveryOptions options)
{
    public IEnumerable<DiscoveredItem> Enumerate()
    {
        foreach (var target in options.Targets)
        {
            var full = Path.GetFullPath(target, options.WorkingDirectory);
            if (File.Exists(full))
            {
                yield return new DiscoveredItem(ScanFile.FromDisk(full, target, Path.GetFileName(full), new FileInfo(full).Length, true), null, null);
            }
            else if (Directory.Exists(full))
            {
                foreach (var f in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                {
                    var rel = Path.GetRelativePath(full, f).Replace('\\', '/');
                    var display = target is "." or "./" ? rel : target.TrimEnd('/') + "/" + rel;
                    yield return new DiscoveredItem(ScanFile.FromDisk(f, display, rel, new FileInfo(f).Length), null, null);
                }
            }
            else
            {
                yield return new DiscoveredItem(null, null, new ScanError(target, "path does not exist"));
            }
        }
    }
}

public static class GitRepository
{
    public static string? FindWorkTreeRoot(string path)
    {
        for (var dir = new DirectoryInfo(path); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    public static RepositoryInfo? Describe(string root) => null;
}
