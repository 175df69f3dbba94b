namespace Shipgate.Containers.Images.Packages;

/// <summary>
/// Reads dpkg's database: <c>/var/lib/dpkg/status</c> and the one-file-per-package <c>/var/lib/dpkg/status.d/*</c>
/// that distroless images ship. RFC 822 style stanzas; only packages whose <c>Status</c> ends in <c>installed</c>
/// (or that have no Status, as in status.d) count. Stateless.
/// </summary>
internal static class DpkgStatusParser
{
    public static IEnumerable<ImagePackage> Parse(string text, string location, OperatingSystemInfo? os)
    {
        foreach (var stanza in ControlStanzas.Read(text))
        {
            if (!stanza.TryGetValue("Package", out var name) || !stanza.TryGetValue("Version", out var version) || name.Length == 0)
            {
                continue;
            }

            if (stanza.TryGetValue("Status", out var status) && !string.Equals(status.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(), "installed", StringComparison.Ordinal))
            {
                continue;
            }

            var (sourceName, sourceVersion) = SourceOf(stanza.GetValueOrDefault("Source"), name, version);
            var arch = stanza.GetValueOrDefault("Architecture");
            var vendor = os?.Id is "ubuntu" ? "ubuntu" : "debian";
            yield return new ImagePackage(
                "deb", name, version, os?.Ecosystem,
                PackageUrls.Create("deb", vendor, name, version, ("arch", arch), ("distro", os?.Distro), ("upstream", sourceName == name ? null : sourceName)),
                location)
            {
                SourceName = sourceName,
                SourceVersion = sourceVersion,
                Architecture = arch,
            };
        }
    }

    /// <summary><c>Source: glibc (2.36-9)</c> names the source package and, when it differs, its version.</summary>
    private static (string Name, string Version) SourceOf(string? source, string name, string version)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return (name, version);
        }

        var open = source.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (source.Trim(), version);
        }

        var close = source.IndexOf(')', open);
        return (source[..open].Trim(), close > open ? source[(open + 1)..close].Trim() : version);
    }
}

/// <summary>Splits Debian control-file text into stanzas of fields; continuation lines are appended. Stateless.</summary>
internal static class ControlStanzas
{
    public static IEnumerable<Dictionary<string, string>> Read(string text)
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        string? last = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    yield return current;
                    current = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                last = null;
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                if (last is not null)
                {
                    current[last] += "\n" + line.Trim();
                }

                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            last = line[..colon];
            current[last] = line[(colon + 1)..].Trim();
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }
}
