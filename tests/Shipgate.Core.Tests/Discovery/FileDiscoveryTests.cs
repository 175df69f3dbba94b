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

    private static DiscoveryResult Discover(string workingDirectory, params string[] targets) =>
        new FileDiscovery(new DiscoveryOptions(targets, workingDirectory)).Discover();

    private static string[] Displays(DiscoveryResult result) => [.. result.Files.Select(f => f.DisplayPath)];
}
