namespace Shipgate.Containers.Dockerfiles;

/// <summary>The sources and destination of a COPY or ADD (exec or shell form), flags excluded. Pure.</summary>
internal sealed record CopySpec(IReadOnlyList<string> Sources, string Destination, string? From)
{
    public static CopySpec? Of(Instruction instruction)
    {
        if (!instruction.Is("COPY") && !instruction.Is("ADD"))
        {
            return null;
        }

        var parts = instruction.ExecForm ?? ArgumentWords.Split(instruction.Body).Select(w => w.Value).ToList();
        if (parts.Count < 2)
        {
            return null;
        }

        return new CopySpec(parts.Take(parts.Count - 1).ToList(), parts[^1], instruction.Flag("from"));
    }

    public static bool IsUrl(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("git@", StringComparison.OrdinalIgnoreCase) || source.StartsWith("git://", StringComparison.OrdinalIgnoreCase);

    public static bool IsArchive(string source)
    {
        foreach (var extension in (ReadOnlySpan<string>)[".tar", ".tar.gz", ".tgz", ".gz", ".bz2", ".tbz", ".tbz2", ".tb2", ".xz", ".txz", ".lz", ".lzma", ".tlz", ".zst", ".tzst", ".Z", ".taz", ".tz"])
        {
            if (source.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for <c>/x</c>, <c>$VAR</c>, <c>C:\x</c> and <c>c:/x</c>.</summary>
    public static bool IsAbsolute(string path)
    {
        var p = path.Trim('"', '\'');
        return p.StartsWith('/') || p.StartsWith('$') || p.StartsWith('\\')
            || (p.Length >= 2 && char.IsAsciiLetter(p[0]) && p[1] == ':');
    }
}
