using Shipgate.Dependencies.Lockfiles;

namespace Shipgate.Dependencies.Tests.Lockfiles;

public sealed class LockfileFormatsTests
{
    /// <summary>The canonical format names of the CLI contract (<c>deps list --lockfile FORMAT:PATH</c>).</summary>
    private static readonly string[] ContractFormats =
    [
        "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "requirements.txt", "poetry.lock", "Pipfile.lock",
        "uv.lock", "pdm.lock", "pylock.toml", "Cargo.lock", "go.mod", "Gemfile.lock", "composer.lock", "packages.lock.json",
        "csproj", "packages.config", "Directory.Packages.props", "deps.json", "project.assets.json", "paket.lock", "pom.xml",
        "gradle.lockfile", "verification-metadata.xml", "pubspec.lock", "mix.lock", "renv.lock", "Package.resolved",
        "Podfile.lock", "conan.lock",
    ];

    private static LockfileFormats Formats => LockfileFormats.Create(NoFileReader.Instance);

    [Fact]
    public void Every_concrete_parser_type_is_registered()
    {
        var registered = Formats.All.Select(f => f.Parser.GetType()).ToHashSet();
        var defined = typeof(ILockfileParser).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ILockfileParser).IsAssignableFrom(t));
        defined.Where(t => !registered.Contains(t)).Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Every_contract_format_is_supported_and_nothing_else()
    {
        Formats.All.Select(f => f.Name).Order(StringComparer.Ordinal).ShouldBe(ContractFormats.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Format_names_equal_their_parsers_names()
    {
        Formats.All.ShouldAllBe(f => f.Name == f.Parser.Format);
    }

    [Theory]
    [InlineData("package-lock.json", "package-lock.json")]
    [InlineData("NPM-SHRINKWRAP.JSON", "package-lock.json")]
    [InlineData("requirements-dev.txt", "requirements.txt")]
    [InlineData("pylock.prod.toml", "pylock.toml")]
    [InlineData("App.Web.csproj", "csproj")]
    [InlineData("MyApp.deps.json", "deps.json")]
    [InlineData("gems.locked", "Gemfile.lock")]
    [InlineData("buildscript-gradle.lockfile", "gradle.lockfile")]
    [InlineData("sub/dir/go.mod", "go.mod")]
    public void Detect_FindsFormatByFileName(string path, string expected)
    {
        Formats.Detect(path)?.Name.ShouldBe(expected);
    }

    [Theory]
    [InlineData("package.json")]
    [InlineData("go.sum")]
    [InlineData(".deps.json")]
    [InlineData("README.md")]
    public void Detect_IgnoresOtherFiles(string path)
    {
        Formats.Detect(path).ShouldBeNull();
    }

    [Theory]
    [InlineData("npm-shrinkwrap.json", "package-lock.json")]
    [InlineData("CSPROJ", "csproj")]
    [InlineData("gradle/verification-metadata.xml", "verification-metadata.xml")]
    public void Find_AcceptsAliasesCaseInsensitively(string name, string expected)
    {
        Formats.Find(name)?.Name.ShouldBe(expected);
    }
}
