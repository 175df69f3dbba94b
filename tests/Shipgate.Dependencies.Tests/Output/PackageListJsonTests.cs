using System.Globalization;
using System.Text;
using Shipgate.Core;
using Shipgate.Dependencies.Output;
using Shipgate.Dependencies.Tests.Support;

namespace Shipgate.Dependencies.Tests.Output;

public sealed class PackageListJsonTests
{
    private static DependencyInventory Sample() => new(
        [
            new Package("@scope/left-pad", "1.3.0", Ecosystem.Npm, "web/package-lock.json", 13) { Direct = true, Dev = false },
            new Package("Django", "4.2.11", Ecosystem.PyPI, "requirements.txt", 2) { Direct = true },
            new Package("org.slf4j:slf4j-api", "2.0.12", Ecosystem.Maven, "pom.xml", null) { Dev = true, Optional = true },
            new Package("unpinned", "", Ecosystem.PyPI, "requirements.txt", 4),
        ],
        [new ScanError("broken/yarn.lock", "Expected an entry header ending with ':'.", 5, 1)]);

    [Fact]
    public async Task WriteAsync_MatchesGolden()
    {
        using var stream = new MemoryStream();
        await PackageListJson.WriteAsync(Sample(), stream, CancellationToken.None);
        Golden.Verify("Output/package-list.expected.json", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task WriteAsync_IsTheSameUnderAnotherCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            using var invariant = new MemoryStream();
            await PackageListJson.WriteAsync(Sample(), invariant, CancellationToken.None);
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            using var turkish = new MemoryStream();
            await PackageListJson.WriteAsync(Sample(), turkish, CancellationToken.None);
            turkish.ToArray().ShouldBe(invariant.ToArray());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(Ecosystem.Npm, "@scope/name", "1.0.0", "pkg:npm/%40scope/name@1.0.0")]
    [InlineData(Ecosystem.PyPI, "Django_Rest.Framework", "3.14.0", "pkg:pypi/django-rest-framework@3.14.0")]
    [InlineData(Ecosystem.Maven, "org.slf4j:slf4j-api", "2.0.12", "pkg:maven/org.slf4j/slf4j-api@2.0.12")]
    [InlineData(Ecosystem.Go, "github.com/google/uuid", "1.6.0", "pkg:golang/github.com/google/uuid@1.6.0")]
    [InlineData(Ecosystem.CratesIo, "wasi", "0.11.0+wasi-snapshot-preview1", "pkg:cargo/wasi@0.11.0%2Bwasi-snapshot-preview1")]
    [InlineData(Ecosystem.NuGet, "Serilog", "", "pkg:nuget/Serilog")]
    [InlineData(Ecosystem.Packagist, "monolog/monolog", "3.5.0", "pkg:composer/monolog/monolog@3.5.0")]
    public void Purl_FollowsThePackageUrlSpec(Ecosystem ecosystem, string name, string version, string expected)
    {
        new Package(name, version, ecosystem, "x", null).Purl.ShouldBe(expected);
    }
}
