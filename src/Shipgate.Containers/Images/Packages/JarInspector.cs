using System.IO.Compression;

namespace Shipgate.Containers.Images.Packages;

/// <summary>
/// Finds Maven coordinates inside a Java archive: every <c>META-INF/maven/GROUP/ARTIFACT/pom.properties</c>, also in
/// archives nested one level deep (Spring Boot <c>BOOT-INF/lib</c>, WAR <c>WEB-INF/lib</c>). Bounded: entry count,
/// nested archive size. Stateless.
/// </summary>
internal static class JarInspector
{
    private const int MaxEntries = 100_000;
    private const long MaxNestedBytes = 64L * 1024 * 1024;
    private const int MaxPropertiesBytes = 64 * 1024;

    public static IReadOnlyList<ImagePackage> Read(byte[] archive, string location)
    {
        var packages = new List<ImagePackage>();
        Read(archive, location, depth: 0, packages);
        return packages;
    }

    public static bool IsJavaArchive(string path) =>
        path.EndsWith(".jar", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".war", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".ear", StringComparison.OrdinalIgnoreCase);

    private static void Read(byte[] archive, string location, int depth, List<ImagePackage> packages)
    {
        using var zip = new ZipArchive(new MemoryStream(archive, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxEntries)
        {
            throw new InvalidDataException($"more than {MaxEntries} entries");
        }

        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (name.StartsWith("META-INF/maven/", StringComparison.Ordinal) && name.EndsWith("/pom.properties", StringComparison.Ordinal)
                && entry.Length <= MaxPropertiesBytes)
            {
                using var reader = new StreamReader(entry.Open());
                if (FromProperties(reader.ReadToEnd(), location) is { } package)
                {
                    packages.Add(package);
                }
            }
            else if (depth == 0 && IsJavaArchive(name) && entry.Length <= MaxNestedBytes)
            {
                using var nested = entry.Open();
                using var buffer = new MemoryStream((int)entry.Length);
                nested.CopyTo(buffer);
                try
                {
                    Read(buffer.ToArray(), location + "!" + name, depth + 1, packages);
                }
                catch (InvalidDataException)
                {
                    // A broken nested archive hides only its own packages.
                }
            }
        }
    }

    internal static ImagePackage? FromProperties(string text, string location)
    {
        string? group = null, artifact = null, version = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            var equals = line.IndexOfAny(['=', ':']);
            if (equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            switch (key)
            {
                case "groupId":
                    group = value;
                    break;
                case "artifactId":
                    artifact = value;
                    break;
                case "version":
                    version = value;
                    break;
            }
        }

        if (string.IsNullOrEmpty(group) || string.IsNullOrEmpty(artifact) || string.IsNullOrEmpty(version))
        {
            return null;
        }

        return new ImagePackage("maven", group + ":" + artifact, version, "Maven", PackageUrls.Create("maven", group, artifact, version), location);
    }
}
