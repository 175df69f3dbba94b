namespace Shipgate.Reporting.Sarif;

/// <summary>
/// Report paths to SARIF artifact locations. Paths inside the scan root become relative URIs against
/// <c>%SRCROOT%</c>; absolute paths and paths that climb out of the root become <c>file:</c> URIs.
/// Every segment is percent-encoded, so spaces, <c>#</c>, <c>%</c> and non-ASCII names survive.
/// OS-independent: both slash kinds and drive letters are understood on every platform.
/// </summary>
internal static class SarifUris
{
    public const string SourceRoot = "%SRCROOT%";

    public static SarifArtifactLocation ArtifactLocation(string path, string baseDirectory)
    {
        var normalized = path.Replace('\\', '/');
        if (IsAbsolute(normalized))
        {
            return new SarifArtifactLocation(FileUri(normalized));
        }

        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        if (normalized.StartsWith("../", StringComparison.Ordinal) || normalized == "..")
        {
            var root = baseDirectory.Replace('\\', '/');
            return IsAbsolute(root)
                ? new SarifArtifactLocation(FileUri(Combine(root, normalized)))
                : new SarifArtifactLocation(EscapeSegments(normalized));
        }

        return new SarifArtifactLocation(EscapeSegments(normalized), SourceRoot);
    }

    /// <summary>The <c>file:</c> URI of the scan root, ending with '/', or null when it is unknown.</summary>
    public static string? BaseUri(string baseDirectory)
    {
        var root = baseDirectory.Replace('\\', '/');
        if (!IsAbsolute(root))
        {
            return null;
        }

        var uri = FileUri(root);
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    private static bool IsAbsolute(string path) =>
        path.StartsWith('/') || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] == '/');

    private static string FileUri(string absolute)
    {
        if (absolute.StartsWith("//", StringComparison.Ordinal))
        {
            // UNC path: //server/share/dir → file://server/share/dir
            return "file:" + "//" + EscapeSegments(absolute[2..]);
        }

        if (absolute.StartsWith('/'))
        {
            return "file://" + EscapeSegments(absolute);
        }

        // Drive letter: C:/dir → file:///C:/dir (the colon after the letter stays as it is).
        return "file:///" + absolute[..2] + EscapeSegments(absolute[2..]);
    }

    private static string EscapeSegments(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Joins an absolute base and a relative path, resolving <c>.</c> and <c>..</c> segments.</summary>
    private static string Combine(string absoluteBase, string relative)
    {
        var prefixLength = absoluteBase.StartsWith("//", StringComparison.Ordinal) ? 2
            : absoluteBase.StartsWith('/') ? 1
            : 3;
        var prefix = absoluteBase[..Math.Min(prefixLength, absoluteBase.Length)];
        var segments = absoluteBase[prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var segment in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return prefix + string.Join('/', segments);
    }
}
