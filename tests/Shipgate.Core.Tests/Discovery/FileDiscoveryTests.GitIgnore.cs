namespace Shipgate.Core.Tests.Discovery;

public sealed partial class FileDiscoveryTests
{
    [Fact]
    public void Discover_InsideGitWorkTree_SkipsIgnoredFilesAndDirectories()
    {
        // Given a repository with a root and a nested .gitignore
        GitCli.Init(temp.Path);
        temp.Write(".gitignore", "*.log\n!keep.log\nbuild/\n");
        temp.Write("sub/.gitignore", "*.tmp\n!*.log\n");
        temp.Write("a.log");
        temp.Write("keep.log");
        temp.Write("build/out.yml");
        temp.Write("src/build");
        temp.Write("sub/x.tmp");
        temp.Write("sub/y.log");
        temp.Write("sub/z.yml");

        // When
        var result = Discover(temp.Path, ".");

        // Then
        Displays(result).ShouldBe([".gitignore", "keep.log", "src/build", "sub/.gitignore", "sub/y.log", "sub/z.yml"]);
    }

    [Fact]
    public void Discover_IgnoredFileGivenExplicitly_IsScanned()
    {
        GitCli.Init(temp.Path);
        temp.Write(".gitignore", "*.env\nsecrets/\n");
        temp.Write("prod.env");
        temp.Write("secrets/key.pem");

        var result = Discover(temp.Path, "prod.env", "secrets/key.pem", ".");

        Displays(result).ShouldBe([".gitignore", "prod.env", "secrets/key.pem"]);
        result.Files.Where(f => f.DisplayPath != ".gitignore").ShouldAllBe(f => f.ExplicitlyGiven);
    }

    [Fact]
    public void Discover_IgnoredDirectoryGivenExplicitly_IsWalked()
    {
        GitCli.Init(temp.Path);
        temp.Write(".gitignore", "generated/\n*.bak\n");
        temp.Write("generated/a.yml");
        temp.Write("generated/a.bak");

        Displays(Discover(temp.Path, "generated")).ShouldBe(["generated/a.yml"]);
    }

    [Fact]
    public void Discover_OutsideAnyWorkTree_DoesNotApplyGitIgnore()
    {
        // Given a .gitignore but no repository (git itself would not apply it either)
        GitRepository.FindWorkTreeRoot(temp.Path).ShouldBeNull();
        temp.Write(".gitignore", "*.log\n");
        temp.Write("a.log");

        Displays(Discover(temp.Path, ".")).ShouldBe([".gitignore", "a.log"]);
    }

    [Fact]
    public void Discover_UseGitIgnoreFalse_ScansIgnoredFiles()
    {
        GitCli.Init(temp.Path);
        temp.Write(".gitignore", "*.log\n");
        temp.Write("a.log");

        var result = new FileDiscovery(new DiscoveryOptions(["."], temp.Path) { UseGitIgnore = false }).Discover();

        Displays(result).ShouldBe([".gitignore", "a.log"]);
    }

    [Fact]
    public void Discover_TargetBelowWorkTreeRoot_AppliesIgnoreFilesAbove()
    {
        // Given ignore rules at the root, one of them anchored to a path through the target
        GitCli.Init(temp.Path);
        temp.Write(".gitignore", "/app/gen/\n*.log\n");
        temp.Write("app/.gitignore", "*.tmp\n");
        temp.Write("app/gen/a.yml");
        temp.Write("app/x.log");
        temp.Write("app/x.tmp");
        temp.Write("app/ok.yml");

        // When the target is a subdirectory
        Displays(Discover(temp.Path, "app")).ShouldBe(["app/.gitignore", "app/ok.yml"]);
        Displays(Discover(temp.Full("app"), ".")).ShouldBe([".gitignore", "ok.yml"]);
    }

    [Fact]
    public void Discover_InfoExclude_IsHonoured()
    {
        GitCli.Init(temp.Path);
        temp.Write(".git/info/exclude", "local-*\n");
        temp.Write("local-notes.txt");
        temp.Write("shared.txt");

        Displays(Discover(temp.Path, ".")).ShouldBe(["shared.txt"]);
    }

    [Fact]
    public void Discover_NegationBelowIgnoredDirectory_CannotReinclude()
    {
        GitCli.Init(temp.Path);
        temp.Write(".gitignore", "vendor/\n!vendor/keep.yml\nlogs/*\n!logs/keep.txt\n");
        temp.Write("vendor/keep.yml");
        temp.Write("logs/keep.txt");
        temp.Write("logs/drop.txt");

        Displays(Discover(temp.Path, ".")).ShouldBe([".gitignore", "logs/keep.txt"]);
    }

    [Fact]
    public void Discover_NestedRepository_UsesItsOwnIgnoreRules()
    {
        // Given an outer repository and a clone inside it with different rules
        GitCli.Init(temp.Path);
        temp.Write(".gitignore", "*.gen\n");
        temp.Write("outer.gen");
        temp.CreateDirectory("inner");
        GitCli.Init(temp.Full("inner"));
        temp.Write("inner/.gitignore", "*.out\n");
        temp.Write("inner/a.gen");
        temp.Write("inner/a.out");

        // Then each tree is judged by its own rules, and neither .git is listed
        Displays(Discover(temp.Path, ".")).ShouldBe([".gitignore", "inner/.gitignore", "inner/a.gen"]);
    }

    [Fact]
    public void Discover_LinkedWorkTree_ReadsInfoExcludeFromTheCommonGitDirectory()
    {
        // Given a linked work tree (its .git is a file) and an exclude in the main repository
        var main = temp.CreateDirectory("main");
        GitCli.Init(main);
        temp.Write("main/readme.md");
        GitCli.Succeed(main, "add", ".");
        GitCli.Succeed(main, "commit", "-q", "-m", "init");
        GitCli.Succeed(main, "worktree", "add", "-q", temp.Full("linked"));
        temp.Write("main/.git/info/exclude", "*.local\n");
        temp.Write("linked/settings.local");
        File.Exists(temp.Full("linked/.git")).ShouldBeTrue();

        // When / Then
        GitRepository.FindWorkTreeRoot(temp.Full("linked")).ShouldBe(temp.Full("linked"));
        Displays(Discover(temp.Full("linked"), ".")).ShouldBe(["readme.md"]);
    }

    [Fact]
    public void Discover_HandWrittenRepository_ListsWhatGitListsAsUntracked()
    {
        // Given the differential tree of IgnoreRulesDifferentialTests
        GitCli.Init(temp.Path);
        IgnoreRulesDifferentialTests.WriteHandWrittenTree(temp);

        // When
        var ours = Discover(temp.Path, ".").Files.Select(f => f.RelativePath).ToList();

        // Then the files equal git's "untracked and not ignored" list
        var git = GitCli.Succeed(temp.Path, "ls-files", "--others", "--exclude-standard", "-z")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Order(StringComparer.Ordinal)
            .ToList();
        ours.ShouldBe(git);
        ours.Count.ShouldBeGreaterThan(10);
    }
}
