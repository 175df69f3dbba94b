namespace Shipgate.Containers.Images;

/// <summary>
/// The image's final file system as an index (path → <see cref="ImageFile"/>), plus the contents kept in memory
/// for the few files the scan reads. Built by <see cref="Archives.LayerApplier"/> one layer at a time; symlinks are
/// resolved inside the image root only (an absolute target or <c>..</c> never leaves it). Not thread-safe while it
/// is being built; read-only afterwards.
/// </summary>
public sealed class ImageFileSystem
{
    private const int MaxSymlinkHops = 40;
    private readonly Dictionary<string, ImageFile> entries = new(StringComparer.Ordinal);
    private readonly SortedSet<string> paths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> contents = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    /// <summary>Every path, sorted.</summary>
    public IEnumerable<ImageFile> Files => paths.Select(p => entries[p]);

    public ImageFile? Find(string path) => entries.GetValueOrDefault(Normalise(path));

    /// <summary>Paths kept in memory (inventory and text files), sorted.</summary>
    public IEnumerable<string> KeptPaths => contents.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// The content of a file that was kept, following symlinks and hard links inside the image; null when the file
    /// does not exist, is not a regular file, or was not kept.
    /// </summary>
    public byte[]? TryRead(string path)
    {
        var resolved = Resolve(path);
        for (var hops = 0; resolved is not null && hops < MaxSymlinkHops; hops++)
        {
            if (!entries.TryGetValue(resolved, out var entry))
            {
                return null;
            }

            if (entry.Kind == ImageFileKind.File)
            {
                return contents.GetValueOrDefault(resolved);
            }

            if (entry.Kind != ImageFileKind.HardLink || entry.LinkTarget is null)
            {
                return null;
            }

            resolved = Resolve(entry.LinkTarget);
        }

        return null;
    }

    /// <summary>
    /// The real path of <paramref name="path"/> after following symlinks (chroot semantics: <c>..</c> stops at the
    /// root, absolute targets are relative to the image root), or null on a loop.
    /// </summary>
    public string? Resolve(string path)
    {
        var pending = new Stack<string>(Split(path).Reverse());
        var resolved = new List<string>();
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            resolved.Add(part);
            var current = string.Join('/', resolved);
            if (entries.TryGetValue(current, out var entry) && entry.Kind == ImageFileKind.Symlink && entry.LinkTarget is { } target)
            {
                if (++hops > MaxSymlinkHops)
                {
                    return null;
                }

                resolved.RemoveAt(resolved.Count - 1);
                if (target.StartsWith('/'))
                {
                    resolved.Clear();
                }

                foreach (var next in Split(target).Reverse())
                {
                    pending.Push(next);
                }
            }
        }

        return string.Join('/', resolved);
    }

    /// <summary>Files directly or indirectly under <paramref name="directory"/> (no leading slash), sorted.</summary>
    public IEnumerable<ImageFile> Under(string directory)
    {
        var prefix = Normalise(directory);
        if (prefix.Length == 0)
        {
            return Files;
        }

        return paths.GetViewBetween(prefix + "/", prefix + "/\uffff").Select(p => entries[p]).ToList();
    }

    internal void Remove(string path)
    {
        if (entries.Remove(path))
        {
            paths.Remove(path);
        }

        contents.Remove(path);
    }

    /// <summary>Removes everything below <paramref name="directory"/> and returns the removed contents' sizes.</summary>
    internal long RemoveBelow(string directory, Func<string, bool>? keep = null)
    {
        var freed = 0L;
        var below = paths.GetViewBetween(directory + "/", directory + "/\uffff").ToList();
        foreach (var path in below)
        {
            if (keep?.Invoke(path) == true)
            {
                continue;
            }

            if (contents.TryGetValue(path, out var content))
            {
                freed += content.LongLength;
            }

            Remove(path);
        }

        return freed;
    }

    internal long SizeOfContent(string path) => contents.TryGetValue(path, out var content) ? content.LongLength : 0;

    internal void Set(ImageFile file, byte[]? content)
    {
        if (entries.TryAdd(file.Path, file))
        {
            paths.Add(file.Path);
        }
        else
        {
            entries[file.Path] = file;
        }

        if (content is null)
        {
            contents.Remove(file.Path);
        }
        else
        {
            contents[file.Path] = content;
        }
    }

    internal bool Contains(string path) => entries.ContainsKey(path);

    internal static string Normalise(string path) => string.Join('/', Split(path).Where(p => p != ".."));

    private static IEnumerable<string> Split(string path) => path.Split('/').Where(p => p.Length > 0 && p != ".");
}
