namespace Shipgate.Core.Tests.Discovery;

/// <summary>Symbolic links and <c>.git</c> directories. Links need privileges on Windows, so those tests run elsewhere.</summary>
public sealed partial class FileDiscoveryTests
{
    [Fact]
    public void Discover_SymlinkToFileOutsideRoot_IsSkipped()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Given a link inside the target that points at a file outside it
        temp.Write("outside/secret.txt");
        temp.Write("root/a.yml");
        File.CreateSymbolicLink(temp.Full("root/link.txt"), "../outside/secret.txt");

        // When
        var result = Discover(temp.Path, "root");

        // Then
        Displays(result).ShouldBe(["root/a.yml"]);
        result.Skipped.ShouldBe([new SkippedFile("root/link.txt", "symbolic link to a file outside the scanned directory")]);
    }

    [Fact]
    public void Discover_SymlinkToFileInsideRoot_IsScanned()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        temp.Write("root/real/config.yml", "abc");
        File.CreateSymbolicLink(temp.Full("root/alias.yml"), "real/config.yml");

        var result = Discover(temp.Path, "root");

        Displays(result).ShouldBe(["root/alias.yml", "root/real/config.yml"]);
        result.Files[0].Length.ShouldBe(3);
        result.Skipped.ShouldBeEmpty();
    }

    [Fact]
    public void Discover_SymlinkedDirectories_AreNotFollowed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Given a link back to the root (a cycle) and a link to a directory outside
        temp.Write("outside/secret.txt");
        temp.Write("root/a.yml");
        Directory.CreateSymbolicLink(temp.Full("root/loop"), ".");
        Directory.CreateSymbolicLink(temp.Full("root/ext"), temp.Full("outside"));

        // When
        var result = Discover(temp.Path, "root");

        // Then
        Displays(result).ShouldBe(["root/a.yml"]);
        result.Skipped.Select(s => s.Path).ShouldBe(["root/ext", "root/loop"]);
        result.Skipped.ShouldAllBe(s => s.Reason == "symbolic link to a directory (not followed)");
    }

    [Fact]
    public void Discover_SymlinkClimbingOutThroughALinkedDirectory_IsSkipped()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Given root/d -> outside/deep/x and root/sneaky -> d/../secret, which the OS resolves to outside/deep/secret,
        // although the text "root/d/../secret" looks like root/secret
        temp.Write("outside/deep/x/placeholder");
        temp.Write("outside/deep/secret", "s");
        temp.Write("root/secret", "fine");
        Directory.CreateSymbolicLink(temp.Full("root/d"), temp.Full("outside/deep/x"));
        File.CreateSymbolicLink(temp.Full("root/sneaky"), "d/../secret");
        File.ReadAllText(temp.Full("root/sneaky")).ShouldBe("s");

        // When
        var result = Discover(temp.Path, "root");

        // Then
        Displays(result).ShouldBe(["root/secret"]);
        result.Skipped.ShouldContain(new SkippedFile("root/sneaky", "symbolic link to a file outside the scanned directory"));
    }

    [Fact]
    public void Discover_BrokenAndLoopingSymlinks_AreSkipped()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        temp.CreateDirectory("root");
        File.CreateSymbolicLink(temp.Full("root/broken"), "missing");
        File.CreateSymbolicLink(temp.Full("root/a"), "b");
        File.CreateSymbolicLink(temp.Full("root/b"), "a");

        var result = Discover(temp.Path, "root");

        result.Files.ShouldBeEmpty();
        result.Skipped.ShouldBe(
        [
            new SkippedFile("root/a", "broken symbolic link"),
            new SkippedFile("root/b", "broken symbolic link"),
            new SkippedFile("root/broken", "broken symbolic link"),
        ]);
    }

    [Fact]
    public void Discover_SymlinkGivenAsTarget_IsFollowed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        temp.Write("outside/secret.txt", "abcd");
        temp.CreateDirectory("root");
        File.CreateSymbolicLink(temp.Full("root/link.txt"), temp.Full("outside/secret.txt"));

        var file = Discover(temp.Path, "root/link.txt").Files.ShouldHaveSingleItem();

        file.DisplayPath.ShouldBe("root/link.txt");
        file.Length.ShouldBe(4);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Discover_GitDirectories_AreNeverEnumerated(bool useGitIgnore)
    {
        // Given a real repository with objects, and a nested stray .git folder and .git file
        GitCli.Init(temp.Path);
        temp.Write("a.yml");
        GitCli.Succeed(temp.Path, "add", ".");
        GitCli.Succeed(temp.Path, "commit", "-q", "-m", "init");
        temp.Write("sub/.git/config", "[core]");
        temp.Write("other/.git", "gitdir: /nowhere");
        temp.Write("other/b.yml");

        // When
        var result = new FileDiscovery(new DiscoveryOptions(["."], temp.Path) { UseGitIgnore = useGitIgnore }).Discover();

        // Then
        Displays(result).ShouldBe(["a.yml", "other/b.yml"]);
        result.Errors.ShouldBeEmpty();
    }
}
