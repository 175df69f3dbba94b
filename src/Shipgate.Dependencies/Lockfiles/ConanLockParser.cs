using Shipgate.Dependencies.Json;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// Conan's <c>conan.lock</c>: version 0.x/1 graph locks (<c>graph_lock.nodes</c>, the consumer node left out) and
/// version 2 lists (<c>requires</c>, <c>build_requires</c>, <c>python_requires</c>). References look like
/// <c>name/version@user/channel#revision</c>.
/// </summary>
public sealed class ConanLockParser : ILockfileParser
{
    public string Format => "conan.lock";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var root = JsonLockfile.ParseObject(content, Format);
        var packages = new List<Package>();
        if (root["graph_lock"]?["nodes"] is { IsObject: true } nodes)
        {
            foreach (var (_, node) in nodes.Members)
            {
                if (node["path"] is not null)
                {
                    continue;
                }

                Add(packages, node.String("ref") ?? node.String("pref"), node, path, dev: null);
            }

            return packages;
        }

        foreach (var (group, dev) in new[] { ("requires", false), ("build_requires", true), ("python_requires", true) })
        {
            foreach (var item in root[group]?.Items ?? [])
            {
                Add(packages, item.Scalar, item, path, dev);
            }
        }

        return packages;
    }

    private static void Add(List<Package> packages, string? reference, JsonNode node, string path, bool? dev)
    {
        if (reference is null)
        {
            return;
        }

        var end = reference.IndexOfAny(['@', '#', ':', '%']);
        var nameVersion = end < 0 ? reference : reference[..end];
        var slash = nameVersion.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return;
        }

        packages.Add(new Package(nameVersion[..slash], nameVersion[(slash + 1)..], Ecosystem.ConanCenter, path, node.Line) { Dev = dev });
    }
}
