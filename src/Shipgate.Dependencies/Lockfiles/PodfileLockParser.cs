using Shipgate.Core;
using Shipgate.Dependencies.Yaml;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// CocoaPods' <c>Podfile.lock</c>: each <c>PODS</c> item is <c>Name (version)</c>, alone or as the key of its own
/// dependency list. Subspecs (<c>Name/Sub</c>) are reported once, under the pod's name.
/// </summary>
public sealed class PodfileLockParser : ILockfileParser
{
    public string Format => "Podfile.lock";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var root = PositionedYaml.Parse(content);
        if (root is not { IsMapping: true } || root["PODS"] is not { IsSequence: true } pods)
        {
            throw new InputFormatException("Expected a YAML mapping with a 'PODS' list at the top of Podfile.lock.", root?.Line ?? 1, 1);
        }

        var packages = new List<Package>();
        var seen = new HashSet<(string, string)>();
        foreach (var item in pods.Items)
        {
            var (text, line) = item.IsMapping && item.Members.Count > 0 ? (item.Members[0].Key.Value, item.Members[0].Key.Line) : (item.Value, item.Line);
            if (text is null)
            {
                continue;
            }

            var open = text.IndexOf(" (", StringComparison.Ordinal);
            if (open <= 0 || !text.EndsWith(')'))
            {
                continue;
            }

            var name = text[..open];
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            name = slash > 0 ? name[..slash] : name;
            var version = text[(open + 2)..^1];
            if (seen.Add((name, version)))
            {
                packages.Add(new Package(name, version, Ecosystem.CocoaPods, path, line));
            }
        }

        return packages;
    }
}
