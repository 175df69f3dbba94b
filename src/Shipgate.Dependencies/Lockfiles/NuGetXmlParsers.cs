namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// MSBuild manifests: <c>PackageReference</c> items in a <c>*.csproj</c> (and other project files), and
/// <c>PackageVersion</c> items in a central <c>Directory.Packages.props</c>. The version comes from the
/// <c>Version</c> (or <c>VersionOverride</c>) attribute or child element; items without one are left out.
/// </summary>
public sealed class MsBuildPackageParser(string format, params string[] itemNames) : ILockfileParser
{
    public string Format { get; } = format;

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var document = XmlLockfile.Load(content);
        var packages = new List<Package>();
        foreach (var item in document.Root!.DescendantsAndSelf().Where(e => itemNames.Contains(e.Name.LocalName)))
        {
            var name = (item.AttributeText("Include") ?? item.AttributeText("Update"))?.Trim();
            var version = (item.AttributeText("Version") ?? item.AttributeText("VersionOverride") ?? item.ChildText("Version") ?? item.ChildText("VersionOverride"))?.Trim();
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
            {
                continue;
            }

            packages.Add(new Package(name, NuGetVersionText(version), Ecosystem.NuGet, path, XmlLockfile.Line(item))
            {
                Direct = true,
                Dev = item.AttributeText("PrivateAssets") is { } privateAssets && privateAssets.Equals("all", StringComparison.OrdinalIgnoreCase) ? true : null,
            });
        }

        return packages;
    }

    /// <summary>An exact range <c>[1.2.3]</c> is the version 1.2.3; other text is kept as written.</summary>
    private static string NuGetVersionText(string version) =>
        version.Length > 2 && version[0] == '[' && version[^1] == ']' && !version.Contains(',', StringComparison.Ordinal) ? version[1..^1].Trim() : version;
}

/// <summary>The legacy <c>packages.config</c>: <c>&lt;package id version /&gt;</c> elements.</summary>
public sealed class PackagesConfigParser : ILockfileParser
{
    public string Format => "packages.config";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var document = XmlLockfile.Load(content);
        var packages = new List<Package>();
        foreach (var item in document.Root!.DescendantsAndSelf().Where(e => e.Name.LocalName == "package"))
        {
            var name = item.AttributeText("id");
            var version = item.AttributeText("version");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
            {
                continue;
            }

            packages.Add(new Package(name, version, Ecosystem.NuGet, path, XmlLockfile.Line(item))
            {
                Direct = true,
                Dev = item.AttributeText("developmentDependency") is "true",
            });
        }

        return packages;
    }
}

/// <summary>Gradle's dependency verification file <c>gradle/verification-metadata.xml</c>: every <c>component</c>.</summary>
public sealed class GradleVerificationMetadataParser : ILockfileParser
{
    public string Format => "verification-metadata.xml";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var document = XmlLockfile.Load(content);
        var packages = new List<Package>();
        foreach (var component in document.Root!.Descendants().Where(e => e.Name.LocalName == "component" && e.Parent?.Name.LocalName == "components"))
        {
            var group = component.AttributeText("group") ?? "";
            var name = component.AttributeText("name") ?? "";
            packages.Add(new Package($"{group}:{name}", component.AttributeText("version") ?? "", Ecosystem.Maven, path, XmlLockfile.Line(component)));
        }

        return packages;
    }
}
