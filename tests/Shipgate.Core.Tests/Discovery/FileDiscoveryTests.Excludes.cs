namespace Shipgate.Core.Tests.Discovery;

public sealed partial class FileDiscoveryTests
{
    [Fact]
    public void Discover_ExcludeGlobs_MatchRelativeAndDisplayPaths()
    {
        // Given
        temp.Write("examples/app/web.min.js");
        temp.Write("examples/app/gen/a.yml");
        temp.Write("examples/app/vendor/lib/b.yml");
        temp.Write("examples/app/keep.yml");
        temp.Write("examples/app/docs/c.yml");
        var options = new DiscoveryOptions(["examples/app"], temp.Path)
        {
            Exclude = ["*.min.js", "examples/app/gen/**", "vendor", "/docs/"],
        };

        // When
        var result = new FileDiscovery(options).Discover();

        // Then: a basename glob, a display-path glob, a directory name and a target-relative anchored directory
        Displays(result).ShouldBe(["examples/app/keep.yml"]);
    }

    [Fact]
    public void Discover_ExcludeNamingTheTargetsParent_ExcludesEverythingBeneath()
    {
        temp.Write("fixtures/app/a.yml");

        var result = new FileDiscovery(new DiscoveryOptions(["fixtures/app"], temp.Path) { Exclude = ["fixtures"] }).Discover();

        result.Files.ShouldBeEmpty();
    }

    [Fact]
    public void Discover_TargetOutsideWorkingDirectory_MatchesExcludesOnlyInsideTheTarget()
    {
        // Given globs that would match the ".." of the display path or a folder above an absolute target
        temp.CreateDirectory("work");
        temp.Write("other/a.yml");
        temp.Write("other/.hidden");
        var parentName = Path.GetFileName(temp.Path);
        var options = new DiscoveryOptions(["../other", temp.Full("other")], temp.Full("work")) { Exclude = [".*", parentName] };

        // When
        var result = new FileDiscovery(options).Discover();

        // Then only the relative paths inside the target are tested
        Displays(result).ShouldBe(["../other/a.yml"]);
    }

    [Fact]
    public void Discover_ExcludedFileGivenExplicitly_IsScanned()
    {
        temp.Write("dist/app.min.js");

        var result = new FileDiscovery(new DiscoveryOptions(["dist/app.min.js", "."], temp.Path) { Exclude = ["*.min.js", "dist"] }).Discover();

        Displays(result).ShouldBe(["dist/app.min.js"]);
    }

    [Fact]
    public void Constructor_MalformedExclude_ThrowsArgumentException()
    {
        Should.Throw<ArgumentException>(() => new FileDiscovery(new DiscoveryOptions(["."], temp.Path) { Exclude = ["src/[oops"] }));
    }

    [Fact]
    public void Discover_FileLargerThanCap_IsSkippedWithReason()
    {
        // Given a 10-byte cap
        temp.Write("big.json", new string('x', 11));
        temp.Write("fits.json", new string('x', 10));
        temp.Write("empty.json", "");

        // When
        var result = new FileDiscovery(new DiscoveryOptions(["."], temp.Path) { MaxFileSize = 10 }).Discover();

        // Then
        Displays(result).ShouldBe(["empty.json", "fits.json"]);
        result.Skipped.ShouldBe([new SkippedFile("big.json", "larger than 10 bytes (size cap; raise maxFileSize in .shipgate.yml)")]);
    }

    [Fact]
    public void Discover_ExplicitFileLargerThanCap_IsSkippedToo()
    {
        temp.Write("big.json", new string('x', 2048));

        var result = new FileDiscovery(new DiscoveryOptions(["big.json"], temp.Path) { MaxFileSize = 1024 }).Discover();

        result.Files.ShouldBeEmpty();
        result.Skipped.ShouldHaveSingleItem().Reason.ShouldStartWith("larger than 1 KB");
    }

    [Theory]
    [InlineData(DiscoveryOptions.DefaultMaxFileSize, "25 MB")]
    [InlineData(1536 * 1024, "1.5 MB")]
    [InlineData(64 * 1024, "64 KB")]
    [InlineData(100, "100 bytes")]
    public void FormatSize_Bytes_ReadsNaturally(long bytes, string expected)
    {
        FileDiscovery.FormatSize(bytes).ShouldBe(expected);
    }

    [Fact]
    public void Discover_MissingTarget_ReportsErrorAndScansTheRest()
    {
        temp.Write("ok.yml");

        var result = Discover(temp.Path, "./nope/", "ok.yml");

        result.Errors.ShouldBe([new ScanError("nope", "path does not exist")]);
        Displays(result).ShouldBe(["ok.yml"]);
    }

    [Fact]
    public void Discover_UnreadableDirectory_ReportsErrorAndContinues()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Given a directory nobody may list, next to a readable one
        temp.Write("locked/secret.yml");
        temp.Write("open/a.yml");
        File.SetUnixFileMode(temp.Full("locked"), UnixFileMode.None);
        if (CanList(temp.Full("locked")))
        {
            // Running as root: permissions are not enforced, so there is nothing to observe here.
            return;
        }

        // When
        var result = Discover(temp.Path, ".");

        // Then
        result.Errors.ShouldBe([new ScanError("locked", "permission denied")]);
        Displays(result).ShouldBe(["open/a.yml"]);
    }

    private static bool CanList(string directory)
    {
        try
        {
            _ = Directory.EnumerateFileSystemEntries(directory).ToList();
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
