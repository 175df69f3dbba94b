namespace Shipgate.Secrets.Archives;

/// <summary>The archive containers the secrets scanner looks into.</summary>
public enum ArchiveFormat
{
    None,
    Zip,
    Tar,
    TarGzip,
}

/// <summary>Recognises archives by file name. Stateless.</summary>
public static class ArchiveFormats
{
    private static readonly string[] ZipExtensions = [".zip", ".jar", ".war", ".ear", ".nupkg", ".snupkg", ".whl", ".aar", ".vsix"];

    public static ArchiveFormat FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
        {
            return ArchiveFormat.TarGzip;
        }

        if (name.EndsWith(".tar", StringComparison.OrdinalIgnoreCase))
        {
            return ArchiveFormat.Tar;
        }

        return ZipExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ? ArchiveFormat.Zip : ArchiveFormat.None;
    }

    public static bool IsArchive(string name) => FromName(name) != ArchiveFormat.None;

    /// <summary>
    /// An entry name made safe to show: forward slashes, no empty, <c>.</c> or <c>..</c> segments, no drive or root,
    /// control characters replaced. Entries are never extracted to disk; this is only about what reports display.
    /// </summary>
    public static string SafeEntryName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var segments = name.Replace('\\', '/')
            .Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is not "." and not "..")
            .Select(s => string.Concat(s.Select(c => char.IsControl(c) ? '_' : c)))
            .ToList();
        if (segments.Count > 0 && segments[0].Length == 2 && segments[0][1] == ':' && char.IsAsciiLetter(segments[0][0]))
        {
            segments.RemoveAt(0);
        }

        return segments.Count == 0 ? "_" : string.Join('/', segments);
    }
}
