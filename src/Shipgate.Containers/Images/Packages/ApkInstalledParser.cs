namespace Shipgate.Containers.Images.Packages;

/// <summary>
/// Reads Alpine's <c>/lib/apk/db/installed</c>: blank-line separated records of one-letter fields
/// (<c>P:</c> name, <c>V:</c> version, <c>A:</c> architecture, <c>o:</c> origin). Stateless.
/// </summary>
internal static class ApkInstalledParser
{
    public static IEnumerable<ImagePackage> Parse(string text, string location, OperatingSystemInfo? os)
    {
        string? name = null, version = null, arch = null, origin = null;
        foreach (var raw in text.Split('\n').Append(""))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                if (!string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(version))
                {
                    var vendor = os?.Id is "wolfi" or "chainguard" ? os.Id : "alpine";
                    yield return new ImagePackage(
                        "apk", name, version, os?.Ecosystem,
                        PackageUrls.Create("apk", vendor, name, version, ("arch", arch), ("distro", os?.VersionId)),
                        location)
                    {
                        SourceName = origin ?? name,
                        SourceVersion = version,
                        Architecture = arch,
                    };
                }

                name = version = arch = origin = null;
                continue;
            }

            if (line.Length < 2 || line[1] != ':')
            {
                continue;
            }

            var value = line[2..].Trim();
            switch (line[0])
            {
                case 'P':
                    name = value;
                    break;
                case 'V':
                    version = value;
                    break;
                case 'A':
                    arch = value;
                    break;
                case 'o':
                    origin = value;
                    break;
            }
        }
    }
}
