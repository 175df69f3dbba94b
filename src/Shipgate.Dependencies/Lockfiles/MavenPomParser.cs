using System.Text;
using System.Xml.Linq;
using Shipgate.Core;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// Maven's <c>pom.xml</c>, offline: the declared dependencies (and those of profiles active by default), with
/// <c>${property}</c> interpolation, versions filled in from <c>dependencyManagement</c>, and a parent POM merged in
/// when it is on disk (<c>relativePath</c>, default <c>../pom.xml</c>). Nothing is downloaded, so transitive
/// dependencies and remote parents are out of reach. Each group:artifact is reported once (the first declaration).
/// </summary>
public sealed class MavenPomParser(IFileReader files) : ILockfileParser
{
    private const int MaxParents = 16;
    private const int MaxInterpolationRounds = 16;

    public string Format => "pom.xml";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var chain = new List<XElement> { LoadProject(content) };
        var currentPath = path;
        for (var i = 0; i < MaxParents && LocalParent(chain[^1], currentPath) is { } parent; i++)
        {
            chain.Add(parent.Project);
            currentPath = parent.Path;
        }

        var properties = CollectProperties(chain);
        var managed = new Dictionary<string, string>(StringComparer.Ordinal);
        var declared = new List<(XElement Element, bool FromChild)>();
        foreach (var project in chain)
        {
            var isChild = ReferenceEquals(project, chain[0]);
            foreach (var section in Sections(project))
            {
                foreach (var dependency in section.Child("dependencyManagement")?.Child("dependencies")?.Children("dependency") ?? [])
                {
                    var key = Key(dependency, properties);
                    var version = Interpolate(dependency.ChildText("version"), properties);
                    if (key is not null && !string.IsNullOrEmpty(version))
                    {
                        managed.TryAdd(key, version);
                    }
                }

                declared.AddRange((section.Child("dependencies")?.Children("dependency") ?? []).Select(d => (d, isChild)));
            }
        }

        var packages = new List<Package>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (dependency, fromChild) in declared)
        {
            var key = Key(dependency, properties);
            if (key is null || dependency.ChildText("scope") == "import" || !seen.Add(key))
            {
                continue;
            }

            var version = Interpolate(dependency.ChildText("version"), properties);
            if (string.IsNullOrEmpty(version))
            {
                version = managed.GetValueOrDefault(key) ?? "";
            }

            var scope = dependency.ChildText("scope");
            packages.Add(new Package(key, LowerBound(version), Ecosystem.Maven, path, fromChild ? XmlLockfile.Line(dependency) : null)
            {
                Direct = true,
                Dev = scope == "test",
                Optional = dependency.ChildText("optional") == "true",
            });
        }

        return packages;
    }

    private static XElement LoadProject(string content)
    {
        var document = XmlLockfile.Load(content);
        return document.Root is { Name.LocalName: "project" } project
            ? project
            : throw new InputFormatException($"Expected a <project> element at the top of the POM but found <{document.Root?.Name.LocalName}>.", XmlLockfile.Line(document.Root!), 1);
    }

    /// <summary>The project itself and each profile that is active by default.</summary>
    private static IEnumerable<XElement> Sections(XElement project)
    {
        yield return project;
        foreach (var profile in project.Child("profiles")?.Children("profile") ?? [])
        {
            if (profile.Child("activation")?.ChildText("activeByDefault") == "true")
            {
                yield return profile;
            }
        }
    }

    private (XElement Project, string Path)? LocalParent(XElement project, string path)
    {
        if (project.Child("parent") is not { } parent)
        {
            return null;
        }

        var relative = parent.ChildText("relativePath");
        if (relative is { Length: 0 })
        {
            return null;
        }

        var candidate = Path.Combine(Path.GetDirectoryName(path) ?? "", relative ?? "../pom.xml");
        if (!candidate.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            candidate = Path.Combine(candidate, "pom.xml");
        }

        if (files.TryRead(candidate) is not { } text)
        {
            return null;
        }

        XElement loaded;
        try
        {
            loaded = LoadProject(text);
        }
        catch (InputFormatException)
        {
            return null;
        }

        // With the default relative path, only a POM that is the named parent counts.
        if (relative is null && loaded.ChildText("artifactId") != parent.ChildText("artifactId"))
        {
            return null;
        }

        return (loaded, candidate);
    }

    private static Dictionary<string, string> CollectProperties(List<XElement> chain)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var project in chain)
        {
            foreach (var section in Sections(project))
            {
                foreach (var property in section.Child("properties")?.Elements() ?? [])
                {
                    properties.TryAdd(property.Name.LocalName, property.Value.Trim());
                }
            }
        }

        var child = chain[0];
        var parent = child.Child("parent");
        foreach (var field in new[] { "groupId", "artifactId", "version" })
        {
            var value = child.ChildText(field) ?? parent?.ChildText(field);
            if (value is not null)
            {
                properties.TryAdd("project." + field, value);
                properties.TryAdd("pom." + field, value);
                properties.TryAdd(field, value);
            }

            if (parent?.ChildText(field) is { } parentValue)
            {
                properties.TryAdd("project.parent." + field, parentValue);
            }
        }

        return properties;
    }

    /// <summary><c>group:artifact</c> after interpolation, or null when either part is empty.</summary>
    private static string? Key(XElement dependency, Dictionary<string, string> properties)
    {
        var group = Interpolate(dependency.ChildText("groupId"), properties);
        var artifact = Interpolate(dependency.ChildText("artifactId"), properties);
        return string.IsNullOrEmpty(group) || string.IsNullOrEmpty(artifact) ? null : $"{group}:{artifact}";
    }

    /// <summary>Replaces <c>${name}</c> with known properties, repeatedly (properties may refer to others), boundedly.</summary>
    internal static string? Interpolate(string? text, IReadOnlyDictionary<string, string> properties)
    {
        if (text is null)
        {
            return null;
        }

        for (var round = 0; round < MaxInterpolationRounds && text.Contains("${", StringComparison.Ordinal); round++)
        {
            var builder = new StringBuilder();
            var changed = false;
            var index = 0;
            while (index < text.Length)
            {
                var start = text.IndexOf("${", index, StringComparison.Ordinal);
                var end = start < 0 ? -1 : text.IndexOf('}', start + 2);
                if (start < 0 || end < 0)
                {
                    builder.Append(text, index, text.Length - index);
                    break;
                }

                builder.Append(text, index, start - index);
                var name = text[(start + 2)..end];
                if (properties.TryGetValue(name, out var value))
                {
                    builder.Append(value);
                    changed = true;
                }
                else
                {
                    builder.Append(text, start, end - start + 1);
                }

                index = end + 1;
            }

            if (!changed || builder.Length > 4096)
            {
                break;
            }

            text = builder.ToString();
        }

        return text;
    }

    /// <summary>A version range such as <c>[1.2,2.0)</c> or <c>[1.2]</c> is reported as its lower bound.</summary>
    internal static string LowerBound(string version)
    {
        if (version.Length < 2 || version[0] is not ('[' or '('))
        {
            return version;
        }

        var end = version.IndexOfAny([',', ']', ')']);
        return end < 0 ? version : version[1..end].Trim();
    }
}
