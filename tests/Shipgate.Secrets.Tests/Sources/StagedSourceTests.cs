using System.Text;
using Shipgate.Core;
using Shipgate.Secrets.Sources;
using Shipgate.Secrets.Tests.TestRules;

namespace Shipgate.Secrets.Tests.Sources;

public sealed class StagedSourceTests
{
    private static readonly SecretsScanner Scanner = new(TestCatalogue.Rules);

    [Fact]
    public async Task Should_scan_only_staged_additions_at_their_real_line_numbers()
    {
        // Given a committed file, then a staged edit that inserts a token on line 3, and an unstaged edit with another token
        using var repo = new TempGitRepository();
        repo.Write("app/config.yml", "one\ntwo\nfour\nfive\n");
        repo.Commit("initial");
        var staged = TestGitHubToken.NewSecret();
        var unstaged = TestGitHubToken.NewSecret();
        repo.Write("app/config.yml", "one\ntwo\ntoken: " + staged + "\nfour\nfive\n");
        repo.Git("add", "app/config.yml");
        repo.Write("app/config.yml", "unstaged: " + unstaged + "\none\ntwo\ntoken: " + staged + "\nfour\nfive\n");

        // And a new staged file with spaces and non-ASCII in its path, and a staged binary file
        var second = TestGitHubToken.NewSecret();
        repo.Write("docs/my notes é.md", "# notes\n\nkey = " + second + "\n");
        repo.Write("bin/blob.dat", [0, 1, 2, .. Encoding.ASCII.GetBytes(" " + TestGitHubToken.NewSecret() + " ")]);
        repo.Git("add", "docs", "bin");

        // When
        var files = new StagedSource(repo.Path, TempGitRepository.Environment).Files().ToList();
        var findings = new List<Finding>();
        foreach (var file in files.Where(Scanner.Claims))
        {
            findings.AddRange(await SecretsScannerTests.Scan(Scanner, file));
        }

        // Then only staged additions are found, at the staged file's line numbers
        files.Select(f => f.DisplayPath).ShouldBe(["app/config.yml", "docs/my notes é.md"]);
        findings.Select(f => (f.Location.Path, f.Location.StartLine, f.Location.StartColumn))
            .ShouldBe([("app/config.yml", 3, 8), ("docs/my notes é.md", 3, 7)]);
        findings[0].Snippet.ShouldBe("token: ghp_…");
    }

    [Fact]
    public async Task Should_handle_paths_git_has_to_quote()
    {
        // Given a staged file whose name holds a tab, a quote and a backslash
        using var repo = new TempGitRepository();
        const string name = "odd\tna\"me\\x.txt";
        repo.Write(name, "a\nb " + TestGitHubToken.NewSecret() + "\n");
        repo.Git("add", "-A");

        // When
        var file = new StagedSource(repo.Path, TempGitRepository.Environment).Files().ToList().ShouldHaveSingleItem();

        // Then
        file.DisplayPath.ShouldBe(name);
        (await SecretsScannerTests.Scan(Scanner, file)).ShouldHaveSingleItem().Location.StartLine.ShouldBe(2);
    }

    [Theory]
    [InlineData("plain/path.txt", "plain/path.txt")]
    [InlineData("\"b/tab\\there.txt\"", "b/tab\there.txt")]
    [InlineData("\"q\\\"uote\\\\back\"", "q\"uote\\back")]
    [InlineData("\"\\303\\251t\\303\\251.txt\"", "été.txt")]
    public void Unquote_reverses_git_c_style_quoting(string quoted, string expected) =>
        GitPaths.Unquote(quoted).ShouldBe(expected);

    [Fact]
    public void Should_scan_the_first_commit_of_a_new_repository()
    {
        using var repo = new TempGitRepository();
        repo.Write("a.txt", "x " + TestGitHubToken.NewSecret() + "\n");
        repo.Git("add", "a.txt");

        new StagedSource(repo.Path, TempGitRepository.Environment).Files().ShouldHaveSingleItem().DisplayPath.ShouldBe("a.txt");
    }

    [Fact]
    public void Should_yield_nothing_when_nothing_is_staged()
    {
        using var repo = new TempGitRepository();
        repo.Write("a.txt", "x\n");
        repo.Commit("initial");
        repo.Write("a.txt", "x\ny " + TestGitHubToken.NewSecret() + "\n");

        new StagedSource(repo.Path, TempGitRepository.Environment).Files().ShouldBeEmpty();
    }

    [Fact]
    public void Should_throw_a_repository_error_outside_a_repository()
    {
        using var folder = new TempGitRepository(init: false);

        var error = Should.Throw<GitRepositoryException>(() => new StagedSource(folder.Path, TempGitRepository.Environment).Files().ToList());

        error.Message.ShouldContain("not a git repository");
        error.Message.ShouldNotContain("\n");
    }
}
