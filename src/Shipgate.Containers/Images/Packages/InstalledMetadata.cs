using System.Text.Json;

namespace Shipgate.Containers.Images.Packages;

/// <summary>
/// Language packages recorded by their installers: Python <c>*.dist-info/METADATA</c> and <c>*.egg-info/PKG-INFO</c>
/// (core-metadata headers <c>Name</c>/<c>Version</c>) and npm <c>node_modules/*/package.json</c>. Stateless.
/// </summary>
internal static class InstalledMetadata
{
    public static ImagePackage? ParsePython(string text, string location)
    {
        string? name = null, version = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("Name:", StringComparison.Ordinal))
            {
                name ??= line[5..].Trim();
            }
            else if (line.StartsWith("Version:", StringComparison.Ordinal))
            {
                version ??= line[8..].Trim();
            }
        }

        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
        {
            return null;
        }

        return new ImagePackage("pypi", name, version, "PyPI", PackageUrls.Create("pypi", null, PackageUrls.NormalisePython(name), version), location);
    }

    public static ImagePackage? ParseNpm(byte[] json, string location)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var name = n.GetString()!;
            var version = v.GetString()!;
            if (name.Length == 0 || version.Length == 0)
            {
                return null;
            }

            var slash = name.StartsWith('@') ? name.IndexOf('/', StringComparison.Ordinal) : -1;
            var purl = slash > 0
                ? PackageUrls.Create("npm", name[..slash], name[(slash + 1)..], version)
                : PackageUrls.Create("npm", null, name, version);
            return new ImagePackage("npm", name, version, "npm", purl, location);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
