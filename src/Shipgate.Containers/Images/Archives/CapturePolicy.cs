using Shipgate.Containers.Images.Packages;

namespace Shipgate.Containers.Images.Archives;

/// <summary>What the reader keeps of a regular file while streaming a layer.</summary>
internal enum CaptureKind
{
    None,

    /// <summary>OS and package metadata (os-release, dpkg/apk/rpm databases, Python/npm metadata, lockfiles).</summary>
    Inventory,

    /// <summary>A Java archive: inspected for Maven coordinates, then dropped.</summary>
    JavaArchive,

    /// <summary>A small file outside package-managed trees, kept for the secrets scanner if it turns out to be text.</summary>
    Text,
}

/// <summary>
/// Decides, by path and declared size alone, which files of a layer are worth keeping. Package-managed trees
/// (<c>usr/share</c>, <c>usr/lib</c>, <c>node_modules</c>, <c>site-packages</c>…) are not secret-scanned: they hold
/// distribution and third-party code, not the application's configuration. Stateless.
/// </summary>
internal sealed class CapturePolicy(ImageReadOptions options)
{
    private static readonly string[] InventoryPaths =
    [
        "etc/os-release", "usr/lib/os-release", "etc/alpine-release", "etc/debian_version", "etc/redhat-release",
        "var/lib/dpkg/status", "lib/apk/db/installed", "var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite",
        "usr/share/rpm/rpmdb.sqlite", "var/lib/rpm/Packages", "usr/lib/sysimage/rpm/Packages", "usr/share/rpm/Packages",
    ];

    private static readonly string[] NoSecretScanPrefixes =
    [
        "usr/share/", "usr/include/", "usr/lib/", "usr/lib32/", "usr/lib64/", "usr/libexec/", "usr/src/", "usr/local/share/",
        "lib/", "lib32/", "lib64/", "var/lib/dpkg/", "var/lib/apt/", "var/lib/apk/", "var/lib/rpm/", "var/cache/",
        "etc/ssl/certs/", "etc/pki/ca-trust/", "proc/", "sys/", "dev/",
    ];

    private static readonly string[] NoSecretScanSegments = ["node_modules", "site-packages", "dist-packages", "__pycache__", ".git"];

    private static readonly string[] BinaryExtensions =
    [
        ".so", ".a", ".o", ".pyc", ".pyo", ".class", ".jar", ".war", ".ear", ".whl", ".egg", ".zip", ".gz", ".tgz", ".bz2",
        ".xz", ".zst", ".tar", ".7z", ".rar", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".woff", ".woff2", ".ttf", ".otf", ".mo", ".db", ".sqlite", ".wasm",
    ];

    public CaptureKind Classify(string path, long size)
    {
        if (IsInventory(path))
        {
            return CaptureKind.Inventory;
        }

        if (JarInspector.IsJavaArchive(path))
        {
            return CaptureKind.JavaArchive;
        }

        if (!options.CollectTextFiles || size == 0 || size > options.MaxSecretFileBytes)
        {
            return CaptureKind.None;
        }

        return IsSecretScanned(path) ? CaptureKind.Text : CaptureKind.None;
    }

    public bool IsInventory(string path)
    {
        if (InventoryPaths.Contains(path, StringComparer.Ordinal))
        {
            return true;
        }

        var slash = path.LastIndexOf('/');
        var name = path[(slash + 1)..];
        var parent = slash < 0 ? "" : path[..slash];
        if (parent == "var/lib/dpkg/status.d" && !name.EndsWith(".md5sums", StringComparison.Ordinal))
        {
            return true;
        }

        if ((name == "METADATA" && parent.EndsWith(".dist-info", StringComparison.Ordinal))
            || (name == "PKG-INFO" && parent.EndsWith(".egg-info", StringComparison.Ordinal))
            || (name.EndsWith(".egg-info", StringComparison.Ordinal) && (parent.EndsWith("site-packages", StringComparison.Ordinal) || parent.EndsWith("dist-packages", StringComparison.Ordinal))))
        {
            return true;
        }

        if (name == "package.json" && IsNodeModulesPackage(parent))
        {
            return true;
        }

        return options.IsInventoryFile?.Invoke(path) == true;
    }

    /// <summary>Whether a path is the folder of an installed npm package: <c>…/node_modules/NAME</c> or <c>…/node_modules/@SCOPE/NAME</c>.</summary>
    public static bool IsNodeModulesPackage(string directory)
    {
        var parts = directory.Split('/');
        var n = parts.Length;
        return (n >= 2 && parts[n - 2] == "node_modules" && !parts[n - 1].StartsWith('@') && !parts[n - 1].StartsWith('.'))
            || (n >= 3 && parts[n - 3] == "node_modules" && parts[n - 2].StartsWith('@'));
    }

    public static bool IsSecretScanned(string path)
    {
        foreach (var prefix in NoSecretScanPrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var segment in path.Split('/'))
        {
            if (NoSecretScanSegments.Contains(segment, StringComparer.Ordinal))
            {
                return false;
            }
        }

        foreach (var extension in BinaryExtensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
