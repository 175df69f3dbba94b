namespace Shipgate.Core.Tests.Discovery;

/// <summary>Display paths, relative paths, ordering and de-duplication. Other topics live in the partial files.</summary>
public sealed partial class FileDiscoveryTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Discover_DotTarget_DisplaysPathsRelativeToWorkingDirectory()
    {
        // Given
        temp.Write("src/a.cs");
        temp.Write("b.txt");

        // When
        var result = Discover(temp.Path, ".");

        // Then
        Displays(result).ShouldBe(["b.txt", "src/a.cs"]);
        result.Files.Select(f => f.RelativePath).ShouldBe(["b.txt", "src/a.cs"]);
        result.Files[1].FullPath.ShouldBe(temp.Full("src/a.cs"));
        result.Files[1].Name.ShouldBe("a.cs");
        result.Files.ShouldAllBe(f => !f.ExplicitlyGiven);
    }

    [Fact]
    public void Discover_SubdirectoryTarget_PrefixesTheTypedPath()
    {
        temp.Write("examples/app/x.env");
        temp.Write("examples/app/sub/y.yml");
        temp.Write("examples/other.txt");

        var result = Discover(temp.Path, "examples/app");

        Displays(result).ShouldBe(["examples/app/sub/y.yml", "examples/app/x.env"]);
        result.Files.Select(f => f.RelativePath).ShouldBe(["sub/y.yml", "x.env"]);
    }

    [Theory]
    [InlineData("./x/")]
    [InlineData("x//")]
    [InlineData("./x/../x")]
    [InlineData("x/.")]
    public void Discover_UntidyTypedTarget_IsNormalised(string target)
    {
        temp.Write("x/y");

        Displays(Discover(temp.Path, target)).ShouldBe(["x/y"]);
    }

    [Fact]
    public void Discover_AbsoluteTargetUnderWorkingDirectory_IsMadeRelative()
    {
        temp.Write("sub/a.yml");

        var result = Discover(temp.Path, temp.Full("sub"));

        Displays(result).ShouldBe(["sub/a.yml"]);
        result.Files[0].RelativePath.ShouldBe("a.yml");
        Displays(Discover(temp.Path, temp.Path + Path.DirectorySeparatorChar)).ShouldBe(["sub/a.yml"]);
    }

    [Fact]
    public void Discover_AbsoluteTargetOutsideWorkingDirectory_StaysAbsolute()
    {
        temp.CreateDirectory("work");
        temp.Write("other/a.yml");

        var result = Discover(temp.Full("work"), temp.Full("other"));

        Displays(result).ShouldBe([temp.Full("other/a.yml").Replace('\\', '/')]);
        result.Files[0].RelativePath.ShouldBe("a.yml");
    }

    [Fact]
    public void Discover_RelativeTargetOutsideWorkingDirectory_KeepsTheDots()
    {
        temp.CreateDirectory("work");
        temp.Write("other/a.yml");

        Displays(Discover(temp.Full("work"), "../other")).ShouldBe(["../other/a.yml"]);
    }

    [Fact]
    public void Discover_FileTarget_UsesTypedPathAndFileName()
    {
        temp.Write("dir/f.yml", "content");

        var result = Discover(temp.Path, "./dir/f.yml");

        var file = result.Files.ShouldHaveSingleItem();
        file.DisplayPath.ShouldBe("dir/f.yml");
        file.RelativePath.ShouldBe("f.yml");
        file.ExplicitlyGiven.ShouldBeTrue();
        file.Length.ShouldBe(7);
        file.ReadAllText().ShouldBe("content");
    }

    [Fact]
    public void Discover_OverlappingTargets_ListEachFileOnceInOrdinalOrder()
    {
        temp.Write("src/a.cs");
        temp.Write("src/B.cs");
        temp.Write("Z.md");
        temp.Write("_x");

        var result = Discover(temp.Path, "src", ".", "src/a.cs");

        Displays(result).ShouldBe(["Z.md", "_x", "src/B.cs", "src/a.cs"]);
        result.Files.Single(f => f.Name == "a.cs").ExplicitlyGiven.ShouldBeTrue();
        result.Errors.ShouldBeEmpty();
        result.Skipped.ShouldBeEmpty();
    }

    [Fact]
    public void Discover_EmptyFile_IsIncluded()
    {
        temp.Write("empty.env", "");

        Discover(temp.Path, ".").Files.ShouldHaveSingleItem().Length.ShouldBe(0);
    }

    [Fact]
    public void Discover_DotFiles_AreIncluded()
    {
        temp.Write(".env");
        temp.Write(".github/workflows/ci.yml");

        Displays(Discover(temp.Path, ".")).ShouldBe([".env", ".github/workflows/ci.yml"]);
    }

    [Fact]
    public void Stream_HandsOutTheSameFilesAsDiscover_NamedFilesFirst()
    {
        temp.Write("src/a.cs");
        temp.Write("src/deep/b.cs");
        temp.Write("c.md");
        temp.Write("big.bin", new string('x', 50));
        var options = new DiscoveryOptions(["src", ".", "c.md", "missing"], temp.Path) { MaxFileSize = 20 };

        var streamed = new List<ScanFile>();
        var summary = new FileDiscovery(options).Stream(streamed.Add);
        var batch = new FileDiscovery(options).Discover();

        streamed[0].DisplayPath.ShouldBe("c.md");
        streamed[0].ExplicitlyGiven.ShouldBeTrue();
        streamed.Select(f => f.DisplayPath).Order(StringComparer.Ordinal).ShouldBe(Displays(batch));
        summary.FileCount.ShouldBe(3);
        summary.Skipped.Select(s => s.Path).ShouldBe(["big.bin"]);
        summary.Errors.Select(e => e.Path).ShouldBe(["missing"]);
        batch.Skipped.ShouldBe(summary.Skipped);
        batch.Errors.ShouldBe(summary.Errors);
    }

    [Fact]
    public void Stream_Cancelled_StopsTheWalk()
    {
        temp.Write("a/x");
        temp.Write("b/y");
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        Should.Throw<OperationCanceledException>(() => new FileDiscovery(new DiscoveryOptions(["."], temp.Path)).Stream(
            _ =>
            {
                seen++;
                cancel.Cancel();
            },
            cancel.Token));
        seen.ShouldBe(1);
    }

    private static DiscoveryResult Discover(string workingDirectory, params string[] targets) =>
        new FileDiscovery(new DiscoveryOptions(targets, workingDirectory)).Discover();

    private static string[] Displays(DiscoveryResult result) => [.. result.Files.Select(f => f.DisplayPath)];
}
