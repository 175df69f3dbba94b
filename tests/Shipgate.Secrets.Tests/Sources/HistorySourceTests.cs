using Shipgate.Core;
using Shipgate.Secrets.Sources;
using Shipgate.Secrets.Tests.TestRules;

namespace Shipgate.Secrets.Tests.Sources;

public sealed class HistorySourceTests
{
    private static readonly SecretsScanner Scanner = new(TestCatalogue.Rules);

    [Fact]
    public async Task Should_attribute_a_removed_secret_to_the_commit_that_added_it()
    {
        // Given a token added in commit 2 (by Bob) and removed in commit 3
        using var repo = new TempGitRepository();
        var secret = TestGitHubToken.NewSecret();
        repo.Write("README.md", "# demo\n");
        repo.Commit("initial");
        repo.Write("deploy/.env", "NAME=demo\nGITHUB_TOKEN=" + secret + "\n");
        var added = repo.Commit("add deploy settings", "Bob Builder", "bob@example.test");
        repo.Write("deploy/.env", "NAME=demo\nGITHUB_TOKEN=${GITHUB_TOKEN}\n");
        repo.Commit("use an environment variable");

        // When
        var source = new HistorySource(repo.Path, new HistoryOptions { Environment = TempGitRepository.Environment });
        var findings = await ScanAll(source);

        // Then it is found once, in the commit that introduced it
        var finding = findings.ShouldHaveSingleItem();
        finding.Location.ShouldBe(new Location("deploy/.env", 2, 14, 2, 53));
        finding.Properties["commit"].ShouldBe(added);
        finding.Properties["author"].ShouldBe("Bob Builder");
        finding.Properties["email"].ShouldBe("bob@example.test");
        DateTimeOffset.Parse(finding.Properties["date"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTimeOffset.UnixEpoch);
        source.Truncated.ShouldBeFalse();
        source.Statistics.Commits.ShouldBe(3);
    }

    [Fact]
    public async Task Should_read_each_unique_blob_once()
    {
        // Given the same content committed at three paths over two commits, and back again after a change
        using var repo = new TempGitRepository();
        var secret = TestGitHubToken.NewSecret();
        var content = "shared: " + secret + "\n";
        repo.Write("a/settings.txt", content);
        repo.Commit("one");
        repo.Write("b/settings.txt", content);
        repo.Write("c/copy.txt", content);
        repo.Write("a/settings.txt", "changed\n");
        repo.Commit("two");
        repo.Write("a/settings.txt", content);
        repo.Commit("three");

        // When
        var source = new HistorySource(repo.Path, new HistoryOptions { Environment = TempGitRepository.Environment });
        var findings = await ScanAll(source);

        // Then two distinct blobs exist (the shared content and "changed"), each read once, and the secret is reported once
        source.Statistics.UniqueBlobs.ShouldBe(2);
        source.Statistics.BlobsRead.ShouldBe(2);
        findings.ShouldHaveSingleItem().Location.Path.ShouldBe("a/settings.txt");
    }

    [Fact]
    public async Task Should_honour_since_and_all_refs()
    {
        // Given a token on main before the base revision, and one on a side branch
        using var repo = new TempGitRepository();
        var old = TestGitHubToken.NewSecret();
        var recent = TestGitHubToken.NewSecret();
        var side = TestGitHubToken.NewSecret();
        repo.Write("old.txt", "t " + old);
        var baseline = repo.Commit("old");
        repo.Write("new.txt", "t " + recent);
        repo.Commit("new");
        repo.Git("checkout", "-q", "-b", "side");
        repo.Write("side.txt", "t " + side);
        repo.Commit("side");
        repo.Git("checkout", "-q", "main");

        // When
        var sinceBase = await ScanAll(new HistorySource(repo.Path, new HistoryOptions { Since = baseline, Environment = TempGitRepository.Environment }));
        var head = await ScanAll(new HistorySource(repo.Path, new HistoryOptions { Environment = TempGitRepository.Environment }));
        var all = await ScanAll(new HistorySource(repo.Path, new HistoryOptions { AllRefs = true, Environment = TempGitRepository.Environment }));
        var allSinceBase = await ScanAll(new HistorySource(repo.Path, new HistoryOptions { AllRefs = true, Since = baseline, Environment = TempGitRepository.Environment }));

        // Then
        sinceBase.Select(f => f.Location.Path).ShouldBe(["new.txt"]);
        head.Select(f => f.Location.Path).ShouldBe(["old.txt", "new.txt"]);
        all.Select(f => f.Location.Path).OrderBy(p => p, StringComparer.Ordinal).ShouldBe(["new.txt", "old.txt", "side.txt"]);
        allSinceBase.Select(f => f.Location.Path).OrderBy(p => p, StringComparer.Ordinal).ShouldBe(["new.txt", "side.txt"]);
        Should.Throw<GitRepositoryException>(() => new HistorySource(repo.Path, new HistoryOptions { Since = "no-such-rev", Environment = TempGitRepository.Environment }).Files())
            .Message.ShouldContain("unknown revision 'no-such-rev'");
    }

    [Fact]
    public async Task Should_flag_a_shallow_clone_as_truncated_and_scan_what_is_there()
    {
        // Given a three-commit repository cloned with depth 1
        using var origin = new TempGitRepository();
        var secret = TestGitHubToken.NewSecret();
        origin.Write("a.txt", "1\n");
        origin.Commit("one");
        origin.Write("a.txt", "2\n");
        origin.Commit("two");
        origin.Write("b.txt", "t " + secret + "\n");
        origin.Commit("three");
        using var clone = new TempGitRepository(init: false);
        origin.Git("clone", "-q", "--depth", "1", "file://" + origin.Path, clone.Path);

        // When
        var source = new HistorySource(clone.Path, new HistoryOptions { Environment = TempGitRepository.Environment });
        var findings = await ScanAll(source);

        // Then
        source.Truncated.ShouldBeTrue();
        source.Warnings.ShouldContain("history is truncated (shallow clone)");
        findings.ShouldHaveSingleItem().Location.Path.ShouldBe("b.txt");
    }

    [Fact]
    public void Should_throw_a_repository_error_for_a_missing_or_non_repository_folder()
    {
        using var folder = new TempGitRepository(init: false);

        Should.Throw<GitRepositoryException>(() => new HistorySource(folder.Path, new HistoryOptions { Environment = TempGitRepository.Environment }).Files())
            .Message.ShouldContain("not a git repository");
        Should.Throw<GitRepositoryException>(() => new HistorySource(Path.Combine(folder.Path, "nope")).Files())
            .Message.ShouldContain("does not exist");
    }

    [Fact]
    public void Should_yield_nothing_for_a_repository_without_commits()
    {
        using var repo = new TempGitRepository();

        new HistorySource(repo.Path, new HistoryOptions { Environment = TempGitRepository.Environment }).Files().ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_keep_the_earliest_commit_and_the_oldest_first_order_while_reading_ahead()
    {
        // Given forty commits that each add a file with its own token, a large file (read past the 64 KiB buffer), and
        // a later commit that copies an early file's content to a new path (the same blob, seen before)
        using var repo = new TempGitRepository();
        var introducedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var contents = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var content = $"# file {i}\ntoken = {TestGitHubToken.NewSecret()}\n";
            contents.Add(content);
            repo.Write($"dir{i % 4}/f{i:D2}.txt", content);
            introducedBy[$"dir{i % 4}/f{i:D2}.txt"] = repo.Commit($"add {i}", $"Author {i}", $"a{i}@example.test");
        }

        var large = new string('x', 300_000) + "\ntoken = " + TestGitHubToken.NewSecret() + "\n";
        repo.Write("large.txt", large);
        introducedBy["large.txt"] = repo.Commit("large");
        repo.Write("later/copy.txt", contents[3]);
        repo.Commit("copy");

        // When
        var source = new HistorySource(repo.Path, new HistoryOptions { Environment = TempGitRepository.Environment });
        var order = new List<string>();
        var findings = new List<Finding>();
        foreach (var file in source.Files())
        {
            order.Add(file.DisplayPath);
            findings.AddRange(await SecretsScannerTests.Scan(Scanner, file));
        }

        // Then each blob came once, oldest introduction first, and every finding names the commit that introduced it
        order.ShouldBe(introducedBy.Keys);
        findings.Count.ShouldBe(41);
        foreach (var finding in findings)
        {
            finding.Properties["commit"].ShouldBe(introducedBy[finding.Location.Path]);
        }

        findings.Single(f => f.Location.Path == "large.txt").Location.StartLine.ShouldBe(2);
        source.Statistics.ShouldBe(new HistoryStatistics(Commits: 42, UniqueBlobs: 41, BlobsRead: 41, SkippedBinary: 0, SkippedTooLarge: 0, Missing: 0));
    }

    [Fact]
    public void Should_skip_binary_blobs_unread_but_keep_archives_and_count_large_ones()
    {
        // Given a binary file, a (binary) archive, a text file and a text file over the size limit
        using var repo = new TempGitRepository();
        repo.Write("image.png", [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]);
        repo.Write("bundle.zip", [0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
        repo.Write("notes.txt", "hello\n");
        repo.Write("big.txt", new string('y', 5000));
        repo.Commit("files");

        // When
        var source = new HistorySource(repo.Path, new HistoryOptions { MaxBlobBytes = 4096, Environment = TempGitRepository.Environment });
        var paths = source.Files().Select(f => f.DisplayPath).Order(StringComparer.Ordinal).ToList();

        // Then
        paths.ShouldBe(["bundle.zip", "notes.txt"]);
        source.Statistics.ShouldBe(new HistoryStatistics(Commits: 1, UniqueBlobs: 4, BlobsRead: 3, SkippedBinary: 1, SkippedTooLarge: 1, Missing: 0));
    }

    [Fact]
    public void Should_stop_reading_when_cancelled_mid_history()
    {
        // Given a history of several blobs, and an enumeration that has taken the first one
        using var repo = new TempGitRepository();
        for (var i = 0; i < 5; i++)
        {
            repo.Write($"f{i}.txt", $"content {i}\n");
            repo.Commit($"c{i}");
        }

        using var cancellation = new CancellationTokenSource();
        var source = new HistorySource(repo.Path, new HistoryOptions { Environment = TempGitRepository.Environment });
        using var files = source.Files(cancellation.Token).GetEnumerator();
        files.MoveNext().ShouldBeTrue();

        // When
        cancellation.Cancel();

        // Then the next step throws, and disposing ends git and the reader threads (the test would hang otherwise)
        Should.Throw<OperationCanceledException>(() => files.MoveNext());
        files.Dispose();
    }

    [Fact]
    public void Should_count_a_missing_blob_warn_and_read_the_others()
    {
        // Given a blob whose object file is gone (a damaged clone), between two good ones
        using var repo = new TempGitRepository();
        repo.Write("a.txt", "first\n");
        repo.Commit("one");
        repo.Write("b.txt", "second\n");
        repo.Commit("two");
        repo.Write("c.txt", "third\n");
        repo.Commit("three");
        var id = repo.Git("rev-parse", "HEAD:b.txt").Trim();
        File.Delete(Path.Combine(repo.Path, ".git", "objects", id[..2], id[2..]));

        // When
        var source = new HistorySource(repo.Path, new HistoryOptions { Environment = TempGitRepository.Environment });
        var paths = source.Files().Select(f => f.DisplayPath).ToList();

        // Then
        paths.ShouldBe(["a.txt", "c.txt"]);
        source.Statistics.Missing.ShouldBe(1);
        source.Warnings.ShouldContain("1 blob(s) missing from the object database were not scanned");
    }

    [Fact]
    public void Should_report_git_failing_mid_stream_after_the_blobs_read_before()
    {
        // Given a loose object cut short: git prints its header, then dies while streaming it
        using var repo = new TempGitRepository();
        repo.Write("a.txt", "first\n");
        repo.Commit("one");
        repo.Write("b.txt", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(150_000)));
        repo.Commit("two");
        var id = repo.Git("rev-parse", "HEAD:b.txt").Trim();
        var objectFile = Path.Combine(repo.Path, ".git", "objects", id[..2], id[2..]);
        File.SetAttributes(objectFile, FileAttributes.Normal);
        using (var stream = new FileStream(objectFile, FileMode.Open))
        {
            stream.SetLength(2000);
        }

        // When
        var source = new HistorySource(repo.Path, new HistoryOptions { Environment = TempGitRepository.Environment });
        var read = new List<string>();
        var error = Should.Throw<GitRepositoryException>(() =>
        {
            foreach (var file in source.Files())
            {
                read.Add(file.DisplayPath);
            }
        });

        // Then the blob before it was scanned, and the error is git's own, on one line, naming the repository
        read.ShouldBe(["a.txt"]);
        error.Message.ShouldStartWith(repo.Path + ": ");
        error.Message.ShouldContain(id);
        error.Message.ShouldNotContain("\n");
    }

    private static async Task<List<Finding>> ScanAll(HistorySource source)
    {
        var findings = new List<Finding>();
        foreach (var file in source.Files())
        {
            if (Scanner.Claims(file))
            {
                findings.AddRange(await SecretsScannerTests.Scan(Scanner, file));
            }
        }

        return findings;
    }
}
