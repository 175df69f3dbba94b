using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

/// <summary><c>shipgate fix</c> end to end: pinning against local bare repositories, the lock file, dry runs, offline runs.</summary>
public sealed class FixCommandTests : IDisposable
{
    private readonly TempDir dir = new();

    private const string Workflow = """
        name: ci
        on: push
        permissions:
          contents: read
        jobs:
          build:
            name: build
            runs-on: ubuntu-latest
            steps:
              # the build action
              - uses: acme/build@v1
              - uses: acme/build@v1.0.0 # v1.0.0
              - run: make

        """;

    public void Dispose() => dir.Dispose();

    private string RepoPath => System.IO.Path.Combine(dir.Path, "repo");

    private string RemoteBase => new Uri(System.IO.Path.Combine(dir.Path, "remotes")).AbsoluteUri;

    // A bare repository remotes/acme/build: A tagged v1.0.0, then B tagged v1.2.3 and v1 (annotated).
    private (string A, string B) PublishAction()
    {
        Directory.CreateDirectory(System.IO.Path.Combine(dir.Path, "remotes/acme/build"));
        dir.Git("-C", "remotes/acme/build", "init", "-q", "--bare", "-b", "main");
        dir.Write("work/action.yml", "name: build\nruns:\n  using: node20\n  main: index.js\n");
        dir.Git("-C", "work", "init", "-q", "-b", "main");
        dir.Git("-C", "work", "add", ".");
        dir.Git("-C", "work", "commit", "-q", "-m", "one");
        dir.Git("-C", "work", "tag", "v1.0.0");
        var a = dir.Git("-C", "work", "rev-parse", "HEAD").Trim();
        dir.Write("work/index.js", "console.log(2)\n");
        dir.Git("-C", "work", "add", ".");
        dir.Git("-C", "work", "commit", "-q", "-m", "two");
        dir.Git("-C", "work", "tag", "-a", "v1.2.3", "-m", "v1.2.3");
        dir.Git("-C", "work", "tag", "-a", "v1", "-m", "v1");
        dir.Git("-C", "work", "push", "-q", "../remotes/acme/build", "main", "--tags");
        return (a, dir.Git("-C", "work", "rev-parse", "HEAD").Trim());
    }

    private string WriteWorkflow() => dir.Write("repo/.github/workflows/ci.yml", Workflow.Replace("\r\n", "\n", StringComparison.Ordinal));

    [Fact]
    public void Fix_PinsUsesToCommitsWritesTheLockAndIsIdempotent()
    {
        // Given a workflow using acme/build by tag, and the action's repository as a local bare remote
        var (a, b) = PublishAction();
        var path = WriteWorkflow();

        // When fix runs online against that remote
        var run = CliHarness.Run(RepoPath, "fix", "--rule", "GHA004", "--actions-remote-base", RemoteBase);

        // Then each uses: is pinned with the most specific version, comments elsewhere stay, and the lock lists both refs
        run.ExitCode.ShouldBe(0, run.ToString());
        var text = File.ReadAllText(path);
        text.ShouldContain($"      # the build action\n      - uses: acme/build@{b} # v1.2.3\n      - uses: acme/build@{a} # v1.0.0\n      - run: make\n");
        var lockText = File.ReadAllText(System.IO.Path.Combine(RepoPath, ".shipgate/actions.lock"));
        lockText.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ShouldBe([$"acme/build v1 {b} v1.2.3", $"acme/build v1.0.0 {a} v1.0.0"]);

        // And a second run changes nothing
        var again = CliHarness.Run(RepoPath, "fix", "--rule", "GHA004", "--actions-remote-base", RemoteBase);
        again.ExitCode.ShouldBe(0, again.ToString());
        File.ReadAllText(path).ShouldBe(text);
        File.ReadAllText(System.IO.Path.Combine(RepoPath, ".shipgate/actions.lock")).ShouldBe(lockText);
        again.Error.ShouldContain("applied 0 fix(es) in 0 file(s)");
    }

    [Fact]
    public void Fix_DryRunPrintsAUnifiedDiffAndWritesNothing()
    {
        var (a, b) = PublishAction();
        var path = WriteWorkflow();

        var run = CliHarness.Run(RepoPath, "fix", "--dry-run", "--rule", "unpinned-uses", "--actions-remote-base", RemoteBase);

        run.ExitCode.ShouldBe(0, run.ToString());
        File.ReadAllText(path).ShouldBe(Workflow.Replace("\r\n", "\n", StringComparison.Ordinal));
        File.Exists(System.IO.Path.Combine(RepoPath, ".shipgate/actions.lock")).ShouldBeFalse();
        run.Out.ShouldContain("--- a/.github/workflows/ci.yml\n+++ b/.github/workflows/ci.yml\n@@ -8,6 +8,6 @@\n");
        run.Out.ShouldContain(
            $"       # the build action\n-      - uses: acme/build@v1\n-      - uses: acme/build@v1.0.0 # v1.0.0\n+      - uses: acme/build@{b} # v1.2.3\n+      - uses: acme/build@{a} # v1.0.0\n       - run: make\n");
        run.Out.ShouldContain("--- a/.shipgate/actions.lock\n+++ b/.shipgate/actions.lock\n@@ -0,0 +1,4 @@\n");
        run.Error.ShouldContain("would apply 2 fix(es) in 1 file(s)");
    }

    [Fact]
    public void Fix_OfflineUsesTheLockOnlyAndListsWhatItLacks()
    {
        // Given a lock that knows acme/build@v1 but not v1.0.0, and no reachable remote
        var path = WriteWorkflow();
        var commit = new string('d', 40);
        dir.Write("repo/.shipgate/actions.lock", $"# lock\nacme/build v1 {commit} v1.9.0\n");

        // When fix runs offline
        var run = CliHarness.Run(RepoPath, "fix", "--offline", "--rule", "GHA004", "--actions-remote-base", "file:///nonexistent");

        // Then the known ref is pinned, the other is listed, and the exit code says something was left
        run.ExitCode.ShouldBe(1, run.ToString());
        File.ReadAllText(path).ShouldContain($"- uses: acme/build@{commit} # v1.9.0\n      - uses: acme/build@v1.0.0 # v1.0.0\n");
        run.Error.ShouldContain("1 action ref(s) could not be pinned:\n  acme/build@v1.0.0: not in .shipgate/actions.lock (run without --offline to resolve it)");
    }

    [Fact]
    public void Fix_MalformedLockIsAnInputErrorWithLineAndColumn()
    {
        WriteWorkflow();
        dir.Write("repo/.shipgate/actions.lock", "acme/build v1 nope v1\n");

        var run = CliHarness.Run(RepoPath, "fix", "--offline");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("shipgate: .shipgate/actions.lock:1:15: 'nope' is not a 40-hex commit SHA");
        run.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public void Fix_UnresolvableRefsAreListedWithGitsReason()
    {
        WriteWorkflow();

        var run = CliHarness.Run(RepoPath, "fix", "--rule", "GHA004", "--actions-remote-base", new Uri(System.IO.Path.Combine(dir.Path, "empty")).AbsoluteUri);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("2 action ref(s) could not be pinned:");
        run.Error.ShouldContain("acme/build@v1: git ls-remote file://");
    }
}
