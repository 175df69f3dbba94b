using Shipgate.Core;

namespace Shipgate.Containers.Images.Packages;

/// <summary>
/// Everything installed in an image that the reader can name: the distribution and its packages (dpkg, apk, rpm
/// SQLite and BerkeleyDB) and language packages from installed metadata and Java archives. NDB rpm databases are
/// detected and reported as not supported yet. Built once by <see cref="Collect"/>; immutable afterwards.
/// </summary>
public sealed record ImageInventory(OperatingSystemInfo? OperatingSystem, IReadOnlyList<ImagePackage> Packages)
{
    private static readonly string[] RpmDirectories = ["var/lib/rpm", "usr/lib/sysimage/rpm", "usr/share/rpm"];

    internal static ImageInventory Collect(ImageFileSystem files, IEnumerable<ImagePackage> javaPackages, List<ImageNote> notes)
    {
        var os = DetectOperatingSystem(files);
        var packages = new List<ImagePackage>();

        if (Text(files, "var/lib/dpkg/status") is { } status)
        {
            packages.AddRange(DpkgStatusParser.Parse(status, "/var/lib/dpkg/status", os));
        }

        foreach (var file in files.Under("var/lib/dpkg/status.d").Where(f => f.Kind == ImageFileKind.File))
        {
            if (Text(files, file.Path) is { } stanza)
            {
                packages.AddRange(DpkgStatusParser.Parse(stanza, "/" + file.Path, os));
            }
        }

        if (Text(files, "lib/apk/db/installed") is { } apk)
        {
            packages.AddRange(ApkInstalledParser.Parse(apk, "/lib/apk/db/installed", os));
        }

        CollectRpm(files, os, packages, notes);

        foreach (var path in files.KeptPaths)
        {
            var slash = path.LastIndexOf('/');
            var name = path[(slash + 1)..];
            var parent = slash < 0 ? "" : path[..slash];
            if ((name == "METADATA" && parent.EndsWith(".dist-info", StringComparison.Ordinal))
                || (name == "PKG-INFO" && parent.EndsWith(".egg-info", StringComparison.Ordinal))
                || name.EndsWith(".egg-info", StringComparison.Ordinal))
            {
                if (Text(files, path) is { } metadata && InstalledMetadata.ParsePython(metadata, "/" + path) is { } python)
                {
                    packages.Add(python);
                }
            }
            else if (name == "package.json" && Archives.CapturePolicy.IsNodeModulesPackage(parent)
                && files.TryRead(path) is { } json && InstalledMetadata.ParseNpm(json, "/" + path) is { } npm)
            {
                packages.Add(npm);
            }
        }

        packages.AddRange(javaPackages.Select(p => p with { Location = "/" + p.Location }));
        var ordered = packages
            .OrderBy(p => p.IsOsPackage ? 0 : 1)
            .ThenBy(p => p.Type, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Version, StringComparer.Ordinal)
            .ThenBy(p => p.Location, StringComparer.Ordinal)
            .ToList();
        return new ImageInventory(os, ordered);
    }

    private static OperatingSystemInfo? DetectOperatingSystem(ImageFileSystem files)
    {
        var release = Text(files, "etc/os-release") ?? Text(files, "usr/lib/os-release");
        return release is null ? null : OperatingSystemInfo.Parse(release, Text(files, "etc/alpine-release"), Text(files, "etc/debian_version"));
    }

    private static void CollectRpm(ImageFileSystem files, OperatingSystemInfo? os, List<ImagePackage> packages, List<ImageNote> notes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in RpmDirectories)
        {
            if (files.Resolve(directory) is not { } real || !seen.Add(real))
            {
                continue;
            }

            var sqlite = real + "/rpmdb.sqlite";
            if (files.TryRead(sqlite) is { } database)
            {
                try
                {
                    packages.AddRange(RpmDatabase.Parse(database, "/" + sqlite, os));
                }
                catch (InvalidDataException ex)
                {
                    notes.Add(new ImageNote("/" + sqlite, ex.Message.TrimEnd('.') + "; its packages are not listed"));
                }

                continue;
            }

            var berkeley = real + "/Packages";
            if (files.TryRead(berkeley) is { } hashDatabase)
            {
                try
                {
                    packages.AddRange(RpmDatabase.ParseBerkeleyDb(hashDatabase, "/" + berkeley, os));
                }
                catch (InvalidDataException ex)
                {
                    notes.Add(new ImageNote("/" + berkeley, "rpm BerkeleyDB database not readable: " + ex.Message.TrimEnd('.') + "; its packages are not listed"));
                }

                continue;
            }

            if (files.Find(real + "/Packages.db") is { Kind: ImageFileKind.File })
            {
                notes.Add(new ImageNote(
                    "/" + real + "/Packages.db",
                    "rpm database in NDB format is not supported yet; the image's rpm packages are not listed (rpmdb.sqlite and the BerkeleyDB Packages file are)"));
            }
        }
    }

    private static string? Text(ImageFileSystem files, string path) => files.TryRead(path) is { } bytes ? TextDecoder.Decode(bytes) : null;
}
