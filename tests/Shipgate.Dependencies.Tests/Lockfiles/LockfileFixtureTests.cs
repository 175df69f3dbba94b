using System.Globalization;
using System.Text;
using Shipgate.Dependencies.Lockfiles;
using Shipgate.Dependencies.Tests.Support;

namespace Shipgate.Dependencies.Tests.Lockfiles;

/// <summary>
/// Every lockfile fixture parsed with its format's parser and compared with its golden file: one line per package
/// (<c>line: name@version [flags]</c>), or the error for a malformed file.
/// </summary>
public sealed class LockfileFixtureTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (format, file) in FixtureFiles.Cases())
        {
            data.Add(format, file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_MatchesGolden(string format, string file)
    {
        // Given a fixture and the format its folder names
        var formats = LockfileFormats.Create(FixtureFiles.Reader);
        var lockfileFormat = formats.Find(format);
        lockfileFormat.ShouldNotBeNull($"Fixture folder '{format}' names no format.");
        var path = FixtureFiles.RelativePath(format, file);

        // When it is read
        var inventory = new LockfileReader(FixtureFiles.Reader).Read([new LockfileRequest(lockfileFormat, path)]);

        // Then the packages (or the error) match the golden file, and every package keeps the path as given
        inventory.Packages.ShouldAllBe(p => p.SourcePath == path);
        inventory.Packages.ShouldAllBe(p => p.Ecosystem == lockfileFormat.Ecosystem);
        Golden.Verify(path + FixtureFiles.GoldenSuffix, Describe(inventory));
    }

    [Fact]
    public void EveryFormat_HasFixtures()
    {
        var covered = FixtureFiles.Cases().Select(c => c.Format).ToHashSet(StringComparer.Ordinal);
        var formats = LockfileFormats.Create(NoFileReader.Instance).All.Select(f => f.Name);
        formats.Where(f => !covered.Contains(f)).ShouldBeEmpty();
    }

    /// <summary>
    /// Line-oriented formats whose tools skip lines they do not understand; for them a malformed line is ignored,
    /// never an error (Bundler, Paket, Gradle and pip behave the same way).
    /// </summary>
    private static readonly HashSet<string> LenientFormats = new(StringComparer.Ordinal)
    {
        "requirements.txt", "Gemfile.lock", "paket.lock", "gradle.lockfile", "mix.lock",
    };

    [Fact]
    public void EveryStrictFormat_HasAMalformedFixture()
    {
        var withErrors = FixtureFiles.Cases()
            .Where(c => File.ReadAllText(Path.Combine(Golden.OutputRoot, FixtureFiles.RelativePath(c.Format, c.File) + FixtureFiles.GoldenSuffix)).StartsWith("error", StringComparison.Ordinal))
            .Select(c => c.Format)
            .ToHashSet(StringComparer.Ordinal);
        var formats = LockfileFormats.Create(NoFileReader.Instance).All.Select(f => f.Name);
        formats.Where(f => !withErrors.Contains(f) && !LenientFormats.Contains(f)).ShouldBeEmpty();
    }

    internal static string Describe(DependencyInventory inventory)
    {
        var builder = new StringBuilder();
        foreach (var error in inventory.Errors)
        {
            builder.Append(CultureInfo.InvariantCulture, $"error {error.Line?.ToString(CultureInfo.InvariantCulture) ?? "-"}:{error.Column?.ToString(CultureInfo.InvariantCulture) ?? "-"}: {error.Message}\n");
        }

        foreach (var package in inventory.Packages)
        {
            var flags = new List<string>();
            if (package.Direct is { } direct)
            {
                flags.Add(direct ? "direct" : "transitive");
            }

            if (package.Dev is { } dev)
            {
                flags.Add(dev ? "dev" : "prod");
            }

            if (package.Optional)
            {
                flags.Add("optional");
            }

            var line = package.Line?.ToString(CultureInfo.InvariantCulture) ?? "-";
            builder.Append(CultureInfo.InvariantCulture, $"{line}: {package.Name}@{package.Version}");
            builder.Append(flags.Count > 0 ? $" [{string.Join(", ", flags)}]" : "").Append('\n');
        }

        return builder.ToString();
    }
}
