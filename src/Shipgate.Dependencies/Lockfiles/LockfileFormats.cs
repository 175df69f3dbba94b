namespace Shipgate.Dependencies.Lockfiles;

/// <summary>One supported format: its canonical name, the file names it goes by, and its parser.</summary>
public sealed record LockfileFormat(string Name, Ecosystem Ecosystem, ILockfileParser Parser, Func<string, bool> MatchesFileName)
{
    public override string ToString() => Name;
}

/// <summary>
/// The explicit list of supported lockfile and manifest formats, the only place a format is turned on.
/// <see cref="Create"/> returns a fresh list; nothing here is mutable or static.
/// </summary>
public sealed class LockfileFormats
{
    private readonly Dictionary<string, LockfileFormat> byName;

    private LockfileFormats(IReadOnlyList<LockfileFormat> all)
    {
        All = all;
        byName = all.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (alias, name) in Aliases)
        {
            byName[alias] = byName[name];
        }
    }

    public IReadOnlyList<LockfileFormat> All { get; }

    private static (string Alias, string Name)[] Aliases =>
    [
        ("npm-shrinkwrap.json", "package-lock.json"),
        ("gems.locked", "Gemfile.lock"),
        ("buildscript-gradle.lockfile", "gradle.lockfile"),
        ("requirements.in", "requirements.txt"),
        ("obj/project.assets.json", "project.assets.json"),
        ("gradle/verification-metadata.xml", "verification-metadata.xml"),
        (".csproj", "csproj"),
        (".deps.json", "deps.json"),
    ];

    public static LockfileFormats Create(IFileReader files) => new(
    [
        Exact("package-lock.json", Ecosystem.Npm, new PackageLockParser(files), "package-lock.json", "npm-shrinkwrap.json"),
        Exact("yarn.lock", Ecosystem.Npm, new YarnLockParser(), "yarn.lock"),
        Exact("pnpm-lock.yaml", Ecosystem.Npm, new PnpmLockParser(), "pnpm-lock.yaml"),
        Exact("bun.lock", Ecosystem.Npm, new BunLockParser(), "bun.lock"),
        Exact("Pipfile.lock", Ecosystem.PyPI, new PipfileLockParser(), "Pipfile.lock"),
        new("requirements.txt", Ecosystem.PyPI, new RequirementsTxtParser(files), IsRequirementsFile),
        Exact("poetry.lock", Ecosystem.PyPI, new PoetryLockParser(), "poetry.lock"),
        Exact("uv.lock", Ecosystem.PyPI, new UvLockParser(), "uv.lock"),
        Exact("pdm.lock", Ecosystem.PyPI, new PdmLockParser(), "pdm.lock"),
        new("pylock.toml", Ecosystem.PyPI, new PylockParser(), IsPylock),
        Exact("Cargo.lock", Ecosystem.CratesIo, new CargoLockParser(), "Cargo.lock"),
        Exact("go.mod", Ecosystem.Go, new GoModParser(files), "go.mod"),
        Exact("Gemfile.lock", Ecosystem.RubyGems, new GemfileLockParser(), "Gemfile.lock", "gems.locked"),
        Exact("composer.lock", Ecosystem.Packagist, new ComposerLockParser(), "composer.lock"),
        Exact("packages.lock.json", Ecosystem.NuGet, new NuGetPackagesLockParser(), "packages.lock.json"),
        Suffix("deps.json", Ecosystem.NuGet, new DepsJsonParser(), ".deps.json"),
        Exact("project.assets.json", Ecosystem.NuGet, new ProjectAssetsParser(), "project.assets.json"),
        Suffix("csproj", Ecosystem.NuGet, new MsBuildPackageParser("csproj", "PackageReference"), ".csproj"),
        Exact("packages.config", Ecosystem.NuGet, new PackagesConfigParser(), "packages.config"),
        Exact("Directory.Packages.props", Ecosystem.NuGet, new MsBuildPackageParser("Directory.Packages.props", "PackageVersion", "PackageReference", "GlobalPackageReference"), "Directory.Packages.props"),
        Exact("pom.xml", Ecosystem.Maven, new MavenPomParser(files), "pom.xml"),
        Exact("gradle.lockfile", Ecosystem.Maven, new GradleLockfileParser(), "gradle.lockfile", "buildscript-gradle.lockfile"),
        Exact("verification-metadata.xml", Ecosystem.Maven, new GradleVerificationMetadataParser(), "verification-metadata.xml"),
        Exact("mix.lock", Ecosystem.Hex, new MixLockParser(), "mix.lock"),
        Exact("renv.lock", Ecosystem.Cran, new RenvLockParser(), "renv.lock"),
        Exact("Package.resolved", Ecosystem.SwiftUrl, new PackageResolvedParser(), "Package.resolved"),
        Exact("paket.lock", Ecosystem.NuGet, new PaketLockParser(), "paket.lock"),
        Exact("pubspec.lock", Ecosystem.Pub, new PubspecLockParser(), "pubspec.lock"),
        Exact("Podfile.lock", Ecosystem.CocoaPods, new PodfileLockParser(), "Podfile.lock"),
        Exact("conan.lock", Ecosystem.ConanCenter, new ConanLockParser(), "conan.lock"),
    ]);

    /// <summary>The format with this canonical name (or a known alias), case-insensitively.</summary>
    public LockfileFormat? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The format a file is by its name, or null when the name is not a known lockfile or manifest.</summary>
    public LockfileFormat? Detect(string path)
    {
        var fileName = Path.GetFileName(path);
        return All.FirstOrDefault(f => f.MatchesFileName(fileName));
    }

    /// <summary><c>requirements.txt</c>, <c>requirements-dev.txt</c>, <c>requirements/prod.txt</c>-style names.</summary>
    private static bool IsRequirementsFile(string fileName) =>
        fileName.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>pylock.toml</c> or <c>pylock.NAME.toml</c> (PEP 751).</summary>
    private static bool IsPylock(string fileName) =>
        fileName.Equals("pylock.toml", StringComparison.OrdinalIgnoreCase)
        || (fileName.StartsWith("pylock.", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".toml", StringComparison.OrdinalIgnoreCase));

    private static LockfileFormat Exact(string name, Ecosystem ecosystem, ILockfileParser parser, params string[] fileNames) =>
        new(name, ecosystem, parser, fileName => fileNames.Contains(fileName, StringComparer.OrdinalIgnoreCase));

    private static LockfileFormat Suffix(string name, Ecosystem ecosystem, ILockfileParser parser, string suffix) =>
        new(name, ecosystem, parser, fileName => fileName.Length > suffix.Length && fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
}
