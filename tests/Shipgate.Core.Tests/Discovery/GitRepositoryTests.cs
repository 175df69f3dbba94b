namespace Shipgate.Core.Tests.Discovery;

public sealed class GitRepositoryTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void FindWorkTreeRoot_FromNestedDirectoryOrFile_ReturnsTheRoot()
    {
        GitCli.Init(temp.Path);
        var file = temp.Write("a/b/c.yml");

        GitRepository.FindWorkTreeRoot(temp.Full("a/b")).ShouldBe(temp.Path);
        GitRepository.FindWorkTreeRoot(file).ShouldBe(temp.Path);
        GitRepository.FindWorkTreeRoot(temp.Path + Path.DirectorySeparatorChar).ShouldBe(temp.Path);
    }

    [Fact]
    public void FindWorkTreeRoot_OutsideAnyRepository_ReturnsNull()
    {
        temp.Write("a/b.yml");
        temp.Write("fake/.git/config");

        GitRepository.FindWorkTreeRoot(temp.Full("a")).ShouldBeNull();
        GitRepository.FindWorkTreeRoot(temp.Full("fake")).ShouldBeNull();
        GitRepository.FindWorkTreeRoot(temp.Full("does/not/exist")).ShouldBeNull();
    }

    [Fact]
    public void FindWorkTreeRoot_GitFilePointer_CountsAsRoot()
    {
        temp.Write("sub/.git", "gitdir: ../elsewhere\n");

        GitRepository.FindWorkTreeRoot(temp.Full("sub")).ShouldBe(temp.Full("sub"));
    }

    [Fact]
    public void Describe_RepositoryWithCommitAndRemote_ReturnsFactsWithoutCredentials()
    {
        // Given
        var root = temp.CreateDirectory("checkout");
        GitCli.Init(root);
        temp.Write("checkout/a.yml");
        GitCli.Succeed(root, "add", ".");
        GitCli.Succeed(root, "commit", "-q", "-m", "init");
        GitCli.Succeed(root, "checkout", "-q", "-b", "feature/x");
        GitCli.Succeed(root, "remote", "add", "origin", "https://user:s3cret@example.com/org/shipgate.git");
        var head = GitCli.Succeed(root, "rev-parse", "HEAD").Trim();

        // When
        var info = GitRepository.Describe(root).ShouldNotBeNull();

        // Then
        info.ShouldBe(new RepositoryInfo("shipgate", head, "feature/x", "https://example.com/org/shipgate.git"));
    }

    [Fact]
    public void Describe_DetachedHeadWithoutRemote_HasNoBranchAndFolderName()
    {
        var root = temp.CreateDirectory("my-repo");
        GitCli.Init(root);
        temp.Write("my-repo/a.yml");
        GitCli.Succeed(root, "add", ".");
        GitCli.Succeed(root, "commit", "-q", "-m", "init");
        GitCli.Succeed(root, "checkout", "-q", "--detach");

        var info = GitRepository.Describe(root).ShouldNotBeNull();

        info.Name.ShouldBe("my-repo");
        info.Commit.ShouldNotBeNull().Length.ShouldBe(40);
        info.Branch.ShouldBeNull();
        info.RemoteUrl.ShouldBeNull();
    }

    [Fact]
    public void Describe_NotARepositoryOrNoCommits_ReturnsNullFields()
    {
        var plain = temp.CreateDirectory("plain");
        var empty = temp.CreateDirectory("empty");
        GitCli.Init(empty);

        GitRepository.Describe(plain).ShouldBe(new RepositoryInfo("plain", null, null, null));
        GitRepository.Describe(empty).ShouldBe(new RepositoryInfo("empty", null, null, null));
        GitRepository.Describe(temp.Full("missing")).ShouldBeNull();
    }

    [Theory]
    [InlineData("https://user:pass@github.com/o/r.git", "https://github.com/o/r.git")]
    [InlineData("https://x-access-token:ghs_abc@github.com/o/r", "https://github.com/o/r")] // shipgate:ignore[SEC160] credential-stripping test input
    [InlineData("https://ghp_token@github.com/o/r", "https://github.com/o/r")]
    [InlineData("http://a:b@host:8080/p?q=@x", "http://host:8080/p?q=@x")]
    [InlineData("ssh://git@github.com/o/r.git", "ssh://git@github.com/o/r.git")]
    [InlineData("ssh://git:pw@github.com/o/r.git", "ssh://github.com/o/r.git")]
    [InlineData("git@github.com:o/r.git", "git@github.com:o/r.git")]
    [InlineData("https://github.com/o/r", "https://github.com/o/r")]
    [InlineData("/srv/git/r.git", "/srv/git/r.git")]
    public void StripCredentials_Url_RemovesUserInfo(string url, string expected)
    {
        GitRepository.StripCredentials(url).ShouldBe(expected);
    }

    [Theory]
    [InlineData("https://github.com/org/shipgate.git", "shipgate")]
    [InlineData("https://github.com/org/shipgate/", "shipgate")]
    [InlineData("git@github.com:org/tool.GIT", "tool")]
    [InlineData("git@host:repo", "repo")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void NameFromRemoteUrl_Url_ReturnsLastSegment(string? url, string? expected)
    {
        GitRepository.NameFromRemoteUrl(url).ShouldBe(expected);
    }
}
