using Shipgate.Core;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// Bun's text lockfile <c>bun.lock</c> (JSON with trailing commas). Each <c>packages</c> entry is a tuple whose
/// first element is <c>name@version</c>; git, GitHub and file sources carry no registry version.
/// </summary>
public sealed class BunLockParser : ILockfileParser
{
    public string Format => "bun.lock";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var root = JsonLockfile.ParseObject(content, Format, jsonc: true);
        var packages = new List<Package>();
        foreach (var (key, entry) in root["packages"]?.Members ?? [])
        {
            if (!entry.IsArray || entry.Items.Count == 0 || !entry.Items[0].IsString)
            {
                throw new InputFormatException($"Package '{key}' is not a tuple starting with \"name@version\".", entry.Line);
            }

            var (name, version) = JsonLockfile.SplitAtVersion(entry.Items[0].Scalar!);
            if (version.Contains(':', StringComparison.Ordinal) || version.Contains('/', StringComparison.Ordinal))
            {
                version = "";
            }

            packages.Add(new Package(name, version, Ecosystem.Npm, path, entry.Line));
        }

        return packages;
    }
}
