namespace Shipgate.Core;

/// <summary>
/// Resolves every symbolic link in a path, the way <c>realpath(3)</c> does, so that "does this link point inside the scan
/// root" compares physical locations (a <c>..</c> after a linked directory climbs out of the link's target, not out of the
/// link). Stateless and thread-safe.
/// </summary>
internal static class RealPath
{
    /// <summary>Linux gives up after 40 links (ELOOP); so do we, which also ends link cycles.</summary>
    private const int MaxLinks = 40;

    /// <summary>The physical path of <paramref name="fullPath"/>, or null when a component is missing, unreadable or loops.</summary>
    public static string? Resolve(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath);
        if (string.IsNullOrEmpty(root))
        {
            return null;
        }

        var pending = new Stack<string>();
        PushComponents(pending, fullPath[root.Length..]);
        var current = root;
        var links = 0;
        try
        {
            while (pending.TryPop(out var component))
            {
                if (component is "" or ".")
                {
                    continue;
                }

                if (component == "..")
                {
                    current = Path.GetDirectoryName(current) ?? current;
                    continue;
                }

                var candidate = Path.Join(current, component);
                var target = new FileInfo(candidate).LinkTarget;
                if (target is null)
                {
                    if (!Path.Exists(candidate))
                    {
                        return null;
                    }

                    current = candidate;
                    continue;
                }

                if (++links > MaxLinks)
                {
                    return null;
                }

                if (Path.GetPathRoot(target) is { Length: > 0 } targetRoot)
                {
                    current = targetRoot;
                    target = target[targetRoot.Length..];
                }

                PushComponents(pending, target);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or lies beneath it (both physical, absolute).</summary>
    public static bool IsInside(string path, string directory)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (path.Equals(directory, comparison))
        {
            return true;
        }

        var prefix = Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison);
    }

    private static void PushComponents(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }
}
