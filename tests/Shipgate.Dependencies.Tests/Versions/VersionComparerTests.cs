using Shipgate.Dependencies.Versions;

namespace Shipgate.Dependencies.Tests.Versions;

/// <summary>
/// The comparers against the shared version-ordering tables (<c>../shared/conformance/versions/</c>, read at test time,
/// never copied). Where the folder is absent the table tests pass vacuously; the hand-written cases always run.
/// </summary>
public sealed class VersionComparerTests
{
    public static TheoryData<string, string> Tables() => new()
    {
        { "semver", "semver-versions.txt" },
        { "pypi", "pypi-versions.txt" },
        { "pypi", "pypi-versions-generated.txt" },
        { "nuget", "nuget-versions.txt" },
        { "maven", "maven-versions.txt" },
        { "maven", "maven-versions-generated.txt" },
        { "rubygems", "rubygems-versions.txt" },
        { "rubygems", "rubygems-versions-generated.txt" },
        { "packagist", "packagist-versions.txt" },
        { "packagist", "packagist-versions-generated.txt" },
        { "pub", "pub-versions.txt" },
        { "cran", "cran-versions.txt" },
        { "cran", "cran-versions-generated.txt" },
        { "hackage", "hackage-versions.txt" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Comparer_AgreesWithTheSharedTable(string scheme, string file)
    {
        var path = SharedTable(file);
        if (path is null)
        {
            return;
        }

        IVersionComparer comparer = scheme switch
        {
            "pypi" => VersionComparers.For(Ecosystem.PyPI),
            "nuget" => VersionComparers.For(Ecosystem.NuGet),
            "maven" => VersionComparers.For(Ecosystem.Maven),
            "rubygems" => VersionComparers.For(Ecosystem.RubyGems),
            "packagist" => VersionComparers.For(Ecosystem.Packagist),
            "pub" => VersionComparers.For(Ecosystem.Pub),
            "cran" => VersionComparers.For(Ecosystem.Cran),
            "hackage" => VersionComparers.For(Ecosystem.Hackage),
            _ => VersionComparers.For(Ecosystem.Npm),
        };
        var failures = new List<string>();
        var checkedLines = 0;
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || parts[1] is not ("<" or ">" or "=") || line.TrimStart().StartsWith('#') || line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            checkedLines++;
            var expected = parts[1] switch { "<" => -1, ">" => 1, _ => 0 };
            if (Math.Sign(comparer.Compare(parts[0], parts[2])) != expected || Math.Sign(comparer.Compare(parts[2], parts[0])) != -expected)
            {
                failures.Add(line.Trim());
            }
        }

        checkedLines.ShouldBeGreaterThan(0);
        failures.ShouldBeEmpty($"{failures.Count} of {checkedLines} orderings disagree: {string.Join(" | ", failures.Take(15))}");
    }

    [Theory]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1", -1)]
    [InlineData("1.0.0-beta.11", "1.0.0-beta.2", 1)]
    [InlineData("v2.0.0", "1.9.9", 1)]
    [InlineData("1.0.0+build.1", "1.0.0+build.2", 0)]
    [InlineData("1.2", "1.2.0", 0)]
    [InlineData("0.12.0rc1", "0.12.0", -1)]
    [InlineData("99999999999999999999.0.0", "1.0.0", 1)]
    [InlineData("1.123456789012345678", "1.123456789012345679", -1)] // 18 digits: the allocation-free path
    [InlineData("1.1234567890123456789", "1.1234567890123456780", 1)] // 19 digits: the full comparison
    [InlineData("1.2.3.4.5.6.7.8", "1.2.3.4.5.6.7.9", -1)]
    [InlineData("1.2.3.4.5.6.7.8.9", "1.2.3.4.5.6.7.8.10", -1)] // more components than the allocation-free path takes
    [InlineData(" V1.2.3 ", "1.2.3", 0)]
    [InlineData("1.0.0-", "1.0.0", 0)]
    [InlineData("1.0.0.", "1.0.0", 0)]
    [InlineData("1.0.0-rc.1", "1.0.0", -1)]
    [InlineData("1.0.0", "1.0.0-rc.1", 1)]
    [InlineData("1.0.0-rc.1+b", "1.0.0-rc.1", 0)]
    [InlineData("", "0.0.0", 0)]
    [InlineData("garbage", "0", -1)] // no core: all of it is the pre-release
    [InlineData("1.x", "1.0.0", -1)]
    public void Semver_OrdersByPrecedence(string a, string b, int expected)
    {
        Math.Sign(new SemverComparer(Ecosystem.CratesIo).Compare(a, b)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("1.0.dev0", "1.0a0", -1)]
    [InlineData("1.0a1", "1.0b1", -1)]
    [InlineData("1.0rc1", "1.0", -1)]
    [InlineData("1.0", "1.0.post1", -1)]
    [InlineData("1.0.0", "1.0", 0)]
    [InlineData("1!0.1", "2.0", 1)]
    [InlineData("1.0+local.1", "1.0+local.a", 1)]
    [InlineData("1.0-1", "1.0.post1", 0)]
    [InlineData("not a version", "0.0.1", -1)]
    public void Pep440_OrdersLikePip(string a, string b, int expected)
    {
        Math.Sign(new Pep440Comparer().Compare(a, b)).ShouldBe(expected);
    }

    private static string? SharedTable(string file)
    {
        var repository = Shipgate.Testing.SourceTree.RepositoryRoot;
        foreach (var folder in new[] { Path.Combine(repository, "..", "shared", "conformance", "versions"), Path.Combine(repository, "..", "..", "shared", "conformance", "versions") })
        {
            var candidate = Path.Combine(folder, file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
