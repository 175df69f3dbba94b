namespace Shipgate.Dependencies;

/// <summary>
/// A manifest that declares dependencies without pinning them (<c>package.json</c>, <c>Cargo.toml</c>): what the
/// package manager resolves from, and the lockfiles that pin what it resolved. Read by the supply-chain rules, not
/// listed by <c>deps list</c>.
/// </summary>
/// <param name="FileName">The manifest's file name.</param>
/// <param name="Ecosystem">The ecosystem it belongs to.</param>
/// <param name="Lockfiles">File names, any of which beside the manifest pins its dependencies.</param>
public sealed record Manifest(string FileName, Ecosystem Ecosystem, IReadOnlyList<string> Lockfiles);

/// <summary>The explicit list of manifests the dependency scanner reads besides lockfiles. Static, immutable.</summary>
public static class Manifests
{
    public static IReadOnlyList<Manifest> All { get; } =
    [
        new("package.json", Ecosystem.Npm, ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"]),
        new("pyproject.toml", Ecosystem.PyPI, ["poetry.lock", "uv.lock", "pdm.lock", "pylock.toml", "Pipfile.lock", "requirements.txt"]),
        new("Pipfile", Ecosystem.PyPI, ["Pipfile.lock"]),
        new("Gemfile", Ecosystem.RubyGems, ["Gemfile.lock"]),
        new("gems.rb", Ecosystem.RubyGems, ["gems.locked"]),
        new("composer.json", Ecosystem.Packagist, ["composer.lock"]),
        new("Cargo.toml", Ecosystem.CratesIo, ["Cargo.lock"]),
    ];

    /// <summary>The manifest a file name is, or null (case-sensitive, as the package managers are on Linux).</summary>
    public static Manifest? Detect(string path)
    {
        var name = Path.GetFileName(path);
        return All.FirstOrDefault(m => string.Equals(m.FileName, name, StringComparison.Ordinal));
    }
}
