using System.Text.RegularExpressions;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// Bundler's <c>Gemfile.lock</c> (and <c>gems.locked</c>): the gems under <c>specs:</c> in the <c>GEM</c>,
/// <c>GIT</c> and <c>PATH</c> sections, written <c>name (version)</c> at four spaces. A platform suffix
/// (<c>1.13.3-x86_64-linux</c>) is not part of the version.
/// </summary>
public sealed class GemfileLockParser : ILockfileParser
{
    public string Format => "Gemfile.lock";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var packages = new List<Package>();
        string? section = null;
        var inSpecs = false;
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] != ' ')
            {
                section = line.Trim();
                inSpecs = false;
                continue;
            }

            if (section is not ("GEM" or "GIT" or "PATH" or "PLUGIN SOURCE"))
            {
                continue;
            }

            if (line == "  specs:")
            {
                inSpecs = true;
                continue;
            }

            if (!inSpecs || !line.StartsWith("    ", StringComparison.Ordinal) || line.Length > 4 && line[4] == ' ')
            {
                continue;
            }

            if (NameAndVersion.Split(line.Trim()) is not { } spec)
            {
                continue;
            }

            var dash = spec.Version.IndexOf('-', StringComparison.Ordinal);
            packages.Add(new Package(spec.Name, dash < 0 ? spec.Version : spec.Version[..dash], Ecosystem.RubyGems, path, i + 1));
        }

        return packages;
    }
}

/// <summary>Paket's <c>paket.lock</c>: packages written <c>Name (version)</c> at four spaces under each source group.</summary>
public sealed class PaketLockParser : ILockfileParser
{
    public string Format => "paket.lock";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var packages = new List<Package>();
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!line.StartsWith("    ", StringComparison.Ordinal) || line.Length <= 4 || line[4] == ' ')
            {
                continue;
            }

            if (NameAndVersion.Split(line.Trim()) is { } spec)
            {
                packages.Add(new Package(spec.Name, spec.Version, Ecosystem.NuGet, path, i + 1));
            }
        }

        return packages;
    }
}

/// <summary><c>name (version)</c>, the entry shape Bundler and Paket share.</summary>
internal static class NameAndVersion
{
    public static (string Name, string Version)? Split(string text)
    {
        var open = text.IndexOf(" (", StringComparison.Ordinal);
        if (open <= 0 || !text.EndsWith(')'))
        {
            return null;
        }

        var version = text[(open + 2)..^1].Trim();
        return version.Length == 0 || version.Contains(' ', StringComparison.Ordinal) ? null : (text[..open], version);
    }
}

/// <summary>
/// Gradle's dependency lockfile <c>gradle.lockfile</c> (and <c>buildscript-gradle.lockfile</c>): lines
/// <c>group:artifact:version=configurations</c>. Comments, the <c>empty=</c> line and malformed lines are skipped.
/// </summary>
public sealed class GradleLockfileParser : ILockfileParser
{
    public string Format => "gradle.lockfile";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var packages = new List<Package>();
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var coordinates = (equals < 0 ? line : line[..equals]).Split(':');
            if (coordinates.Length != 3 || coordinates.Any(part => part.Length == 0 || part.Any(char.IsWhiteSpace)))
            {
                continue;
            }

            packages.Add(new Package($"{coordinates[0]}:{coordinates[1]}", coordinates[2], Ecosystem.Maven, path, i + 1));
        }

        return packages;
    }
}

/// <summary>
/// Mix's <c>mix.lock</c> (an Elixir map literal): <c>"name": {:hex, :pkg, "version", …}</c> entries give Hex
/// packages; <c>{:git, url, "sha", …}</c> entries give the package with no registry version.
/// </summary>
public sealed partial class MixLockParser : ILockfileParser
{
    public string Format => "mix.lock";

    [GeneratedRegex("""^\s*"(?<key>[^"]+)"\s*:\s*\{\s*:(?<kind>\w+)\s*,\s*(?<second>:?"?[^,"]*"?)\s*,\s*"(?<third>[^"]*)"?""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex Entry { get; }

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var packages = new List<Package>();
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length > 64 * 1024)
            {
                continue;
            }

            var match = Entry.Match(line);
            if (!match.Success)
            {
                continue;
            }

            var kind = match.Groups["kind"].Value;
            var name = match.Groups["key"].Value;
            var version = kind == "hex" ? match.Groups["third"].Value : "";
            if (kind == "hex" && match.Groups["second"].Value.TrimStart(':') is { Length: > 0 } hexName && !hexName.StartsWith('"'))
            {
                name = hexName;
            }

            packages.Add(new Package(name, version, Ecosystem.Hex, path, i + 1));
        }

        return packages;
    }
}
