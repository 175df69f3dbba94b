namespace Shipgate.Core;

/// <summary>
/// One target as the user typed it, resolved: its absolute path and the display form its files are reported under.
/// The display form uses forward slashes and drops <c>./</c>, empty and <c>x/..</c> segments; an absolute target under the
/// working directory becomes relative to it, any other absolute target stays absolute. The working directory itself
/// displays as the empty string, so its files show as <c>src/a.cs</c>. Immutable.
/// </summary>
internal sealed record ScanTarget(string Typed, string FullPath, string DisplayPath)
{
    public static ScanTarget Resolve(string typed, string workingDirectory)
    {
        var full = Path.GetFullPath(typed, workingDirectory);
        if (Path.GetPathRoot(full) != full)
        {
            full = Path.TrimEndingDirectorySeparator(full);
        }

        string display;
        if (Path.IsPathRooted(typed))
        {
            var relative = Path.GetRelativePath(workingDirectory, full);
            display = relative == "." ? ""
                : IsOutside(relative) ? ToForwardSlashes(full)
                : ToForwardSlashes(relative);
        }
        else
        {
            display = Normalize(typed);
        }

        return new ScanTarget(typed, full, display);
    }

    /// <summary>The display path of an entry at <paramref name="relativePath"/> inside this (directory) target.</summary>
    public string DisplayOf(string relativePath) =>
        DisplayPath.Length == 0 ? relativePath
        : DisplayPath.EndsWith('/') ? DisplayPath + relativePath
        : DisplayPath + "/" + relativePath;

    /// <summary>
    /// True when the display path is relative and does not climb out with <c>..</c>: only then is it a path inside the
    /// project that exclude globs can be tested against (a <c>.*</c> glob must not match the <c>..</c> of <c>../other</c>).
    /// </summary>
    public bool IsInsideWorkingDirectory =>
        !DisplayPath.StartsWith('/') && !Path.IsPathRooted(DisplayPath)
        && DisplayPath != ".." && !DisplayPath.StartsWith("../", StringComparison.Ordinal);

    /// <summary>How the target itself is named in errors: "." for the working directory.</summary>
    public string Name => DisplayPath.Length == 0 ? "." : DisplayPath;

    private static bool IsOutside(string relative) =>
        Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || relative.StartsWith("../", StringComparison.Ordinal);

    private static string Normalize(string typed)
    {
        var segments = new List<string>();
        foreach (var segment in ToForwardSlashes(typed).Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    private static string ToForwardSlashes(string path) =>
        Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
}
