using System.Globalization;

namespace Shipgate.Core;

/// <summary>
/// Turns the paths a user typed into the files to scan. A directory target is walked without following symbolic links to
/// directories and without ever entering <c>.git</c>; inside a git work tree its <c>.gitignore</c> files and
/// <c>info/exclude</c> apply as git applies them (ignored directories are not entered), and the <see cref="DiscoveryOptions.Exclude"/>
/// globs prune further. A file target is always scanned, ignored or excluded or not. Files over the size cap and links that
/// lead outside the target become <see cref="SkippedFile"/>s; missing targets and unreadable directories become
/// <see cref="ScanError"/>s and the walk goes on. Created by the CLI (or any file source) per scan; one instance may
/// <see cref="Discover"/> several times and from several threads, as it holds only immutable state.
/// </summary>
public sealed partial class FileDiscovery
{
    private readonly DiscoveryOptions options;
    private readonly string workingDirectory;
    private readonly GlobSet excludes;

    /// <exception cref="ArgumentException">An exclude glob is malformed, or the working directory is not a valid path.</exception>
    public FileDiscovery(DiscoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        workingDirectory = Path.GetFullPath(options.WorkingDirectory);
        excludes = new GlobSet(options.Exclude);
    }

    /// <summary>Enumerates every target. Never throws for file-system problems; they end up in <see cref="DiscoveryResult.Errors"/>.</summary>
    public DiscoveryResult Discover(CancellationToken cancellationToken = default)
    {
        var files = new List<ScanFile>();
        var summary = Stream(files.Add, cancellationToken);
        return new DiscoveryResult([.. files.OrderBy(f => f.DisplayPath, StringComparer.Ordinal)], summary.Skipped, summary.Errors);
    }

    /// <summary>
    /// Enumerates every target as <see cref="Discover(CancellationToken)"/> does, handing each file to
    /// <paramref name="onFile"/> as soon as it is found (in walk order, each path once), so a scan can start before the
    /// walk ends. Files named as targets come first: a file both named and met in a directory is the named one.
    /// </summary>
    public DiscoverySummary Stream(Action<ScanFile> onFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onFile);
        var sink = new Sink(options.MaxFileSize, onFile);
        var directories = new List<ScanTarget>();
        foreach (var typed in options.Targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ScanTarget target;
            try
            {
                target = ScanTarget.Resolve(typed, workingDirectory);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                sink.Error(typed, "not a valid path");
                continue;
            }

            if (Directory.Exists(target.FullPath))
            {
                directories.Add(target);
            }
            else if (File.Exists(target.FullPath))
            {
                AddExplicitFile(target, sink);
            }
            else
            {
                sink.Error(target.Name, "path does not exist");
            }
        }

        foreach (var directory in directories)
        {
            WalkDirectory(directory, sink, cancellationToken);
        }

        return sink.ToSummary();
    }

    /// <summary>"25 MB", "1.5 MB", "64 KB" or "100 bytes", for skip reasons.</summary>
    internal static string FormatSize(long bytes)
    {
        const long KB = 1024;
        const long MB = 1024 * KB;
        var invariant = CultureInfo.InvariantCulture;
        return bytes >= MB ? string.Format(invariant, "{0:0.#} MB", bytes / (double)MB)
            : bytes >= KB ? string.Format(invariant, "{0:0.#} KB", bytes / (double)KB)
            : string.Format(invariant, "{0} bytes", bytes);
    }

    private static void AddExplicitFile(ScanTarget target, Sink sink)
    {
        // The user named this file, so a link is followed wherever it leads.
        var physical = RealPath.Resolve(target.FullPath);
        var info = physical is null ? null : new FileInfo(physical);
        if (info is not { Exists: true })
        {
            sink.Skip(target.Name, "broken symbolic link");
            return;
        }

        sink.Add(target.FullPath, target.Name, Path.GetFileName(target.FullPath), info.Length, explicitlyGiven: true);
    }

    /// <summary>
    /// Passes on what the walk finds, each path once (the first mention wins; named files are added before any walk),
    /// and collects the skipped files and errors, sorted at the end.
    /// </summary>
    private sealed class Sink(long maxFileSize, Action<ScanFile> onFile)
    {
        private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        private readonly HashSet<string> seen = new(PathComparer);
        private readonly Dictionary<string, SkippedFile> skipped = new(StringComparer.Ordinal);
        private readonly HashSet<ScanError> errors = [];
        private int count;

        public void Add(string fullPath, string displayPath, string relativePath, long length, bool explicitlyGiven)
        {
            if (maxFileSize > 0 && length > maxFileSize)
            {
                Skip(displayPath, $"larger than {FormatSize(maxFileSize)} (size cap; raise maxFileSize in .shipgate.yml)");
                return;
            }

            if (seen.Add(fullPath))
            {
                count++;
                onFile(ScanFile.FromDisk(fullPath, displayPath, relativePath, length, explicitlyGiven));
            }
        }

        public void Skip(string displayPath, string reason) => skipped.TryAdd(displayPath, new SkippedFile(displayPath, reason));

        public void Error(string displayPath, string message) => errors.Add(new ScanError(displayPath, message));

        public DiscoverySummary ToSummary() => new(
            count,
            [.. skipped.Values.OrderBy(s => s.Path, StringComparer.Ordinal)],
            [.. errors.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Message, StringComparer.Ordinal)]);
    }
}
