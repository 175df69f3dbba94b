using Shipgate.Core;
using Shipgate.Dependencies.Yaml;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>Dart's <c>pubspec.lock</c>: the <c>packages</c> map, with <c>dependency: direct dev</c> marking dev packages.</summary>
public sealed class PubspecLockParser : ILockfileParser
{
    public string Format => "pubspec.lock";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var root = PositionedYaml.Parse(content);
        if (root is not { IsMapping: true })
        {
            throw new InputFormatException("Expected a YAML mapping with 'packages' at the top of pubspec.lock.", root?.Line ?? 1, 1);
        }

        var packages = new List<Package>();
        foreach (var (name, entry) in root["packages"]?.Members ?? [])
        {
            if (entry.String("version") is not { } version)
            {
                continue;
            }

            var dependency = entry.String("dependency") ?? "";
            packages.Add(new Package(name.Value ?? "", version, Ecosystem.Pub, path, name.Line)
            {
                Direct = dependency.StartsWith("direct", StringComparison.Ordinal),
                Dev = dependency == "direct dev",
            });
        }

        return packages;
    }
}
