using Shipgate.Core;
using Shipgate.Workflows.Fixes;
using Shipgate.Workflows.Tests.Rules;
using Shipgate.Workflows.Tests.Support;

namespace Shipgate.Workflows.Tests.Fixes;

public sealed class ActionPinningTests
{
    [Fact]
    public async Task Resolver_peels_annotated_tags_and_picks_the_most_specific_version()
    {
        // Given an action repository with v1 (annotated) on the same commit as v1.2 and v1.2.3
        using var sandbox = new GitSandbox();
        var (a, b) = sandbox.PublishAction("acme/build");
        var resolver = new GitRemoteResolver(sandbox.RemoteBase);

        // When refs are resolved
        var major = await resolver.ResolveAsync("acme/build", "v1", CancellationToken.None);
        var minor = await resolver.ResolveAsync("acme/build", "v1.2", CancellationToken.None);
        var old = await resolver.ResolveAsync("acme/build", "v1.0.0", CancellationToken.None);
        var branch = await resolver.ResolveAsync("acme/build", "main", CancellationToken.None);
        var missing = await resolver.ResolveAsync("acme/build", "v9", CancellationToken.None);

        // Then tags resolve to the commit (not the tag object) and the version names the most specific tag
        major.Action.ShouldBe(new LockedAction("acme/build", "v1", b, "v1.2.3"));
        minor.Action!.Version.ShouldBe("v1.2.3");
        old.Action.ShouldBe(new LockedAction("acme/build", "v1.0.0", a, "v1.0.0"));
        branch.Action.ShouldBe(new LockedAction("acme/build", "main", b, "main"));
        missing.Action.ShouldBeNull();
        missing.Problem.ShouldBe("acme/build has no tag or branch 'v9'");
    }

    [Fact]
    public async Task Resolver_reports_an_unreachable_remote_without_the_token()
    {
        using var sandbox = new GitSandbox();
        var token = "tok_" + Guid.NewGuid().ToString("n");
        var resolver = new GitRemoteResolver(sandbox.RemoteBase, token);
        var result = await resolver.ResolveAsync("nobody/nothing", "v1", CancellationToken.None);
        result.Action.ShouldBeNull();
        result.Problem.ShouldNotBeNull();
        result.Problem.ShouldStartWith("git ls-remote ");
        result.Problem.ShouldNotContain(token);
    }

    [Fact]
    public void Listing_prefers_the_peeled_commit_of_an_annotated_tag()
    {
        var tagObject = new string('1', 40);
        var commit = new string('2', 40);
        var refs = GitRemoteResolver.ParseListing($"{tagObject}\trefs/tags/v2\n{commit}\trefs/tags/v2^{{}}\n{commit}\trefs/tags/v2.0.1\n{commit}\trefs/heads/v2\n");
        refs.Tags["v2"].ShouldBe(commit);
        GitRemoteResolver.Resolve(refs, "o/r", "v2").Action.ShouldBe(new LockedAction("o/r", "v2", commit, "v2.0.1"));
    }

    [Fact]
    public void Lock_format_is_sorted_stable_and_round_trips()
    {
        var one = new string('a', 40);
        var two = new string('b', 40);
        var actionsLock = ActionsLock.Empty.With([
            new LockedAction("zed/action", "v2", two, "v2.0.0"),
            new LockedAction("Acme/Build", "v1", one, "v1.2.3"),
            new LockedAction("acme/build", "main", two, "main"),
        ]);
        var text = actionsLock.Format();
        text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ShouldBe([
            $"acme/build main {two} main",
            $"acme/build v1 {one} v1.2.3",
            $"zed/action v2 {two} v2.0.0",
        ]);
        ActionsLock.Parse(text).Format().ShouldBe(text);
        ActionsLock.Parse(text).Find("ACME/build", "v1")!.Commit.ShouldBe(one);
    }

    [Theory]
    [InlineData("acme/build v1 abc v1\n", 1, 15)]
    [InlineData("# comment\n\nacme/build v1\n", 3, 1)]
    [InlineData("acme v1 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa v1\n", 1, 1)]
    public void Malformed_lock_lines_are_errors_with_line_and_column(string text, int line, int column)
    {
        var ex = Should.Throw<InputFormatException>(() => ActionsLock.Parse(text));
        (ex.Line, ex.Column).ShouldBe((line, column));
    }

    private const string Workflow = """
        on: push
        permissions: {}
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: acme/build@v1
              - uses: "acme/build@v1.0.0"   # v1.0.0
              - uses: acme/build@v1 # tag=v1 # keep this note
              - uses: acme/build@v1 # a note
              - { uses: acme/build@main, with: { x: 1 } }
              - uses: acme/build/sub@v1
              - uses: other/thing@v3

        """;

    [Fact]
    public async Task Plan_pins_every_reported_uses_and_keeps_other_comments()
    {
        // Given the GHA004 findings of a workflow and a remote with acme/build (other/thing does not exist)
        using var sandbox = new GitSandbox();
        var (a, b) = sandbox.PublishAction("acme/build");
        var text = Workflow.Replace("\r\n", "\n", StringComparison.Ordinal);
        var path = ".github/workflows/ci.yml";
        var targets = (await FixtureRunner.ScanTextAsync(path, text)).Where(f => f.RuleId == "GHA004")
            .Select(f => (f.Location.StartLine, f.Location.StartColumn)).ToHashSet();
        var sites = ActionPinner.FindSites(path, text, targets);

        // When the plan is made online
        var plan = await ActionPinner.PlanAsync(
            new Dictionary<string, (string, IReadOnlyList<PinSite>)> { [path] = (text, sites) },
            ActionsLock.Empty,
            new GitRemoteResolver(sandbox.RemoteBase),
            CancellationToken.None);
        var fixedText = Apply(text, plan.Edits[path].SelectMany(e => e));

        // Then each reference is pinned with its version, other text is untouched, and the lock records them
        fixedText.ShouldBe($$"""
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: acme/build@{{b}} # v1.2.3
                  - uses: "acme/build@{{a}}" # v1.0.0
                  - uses: acme/build@{{b}} # v1.2.3 # keep this note
                  - uses: acme/build@{{b}} # v1.2.3 # a note
                  - { uses: acme/build@{{b}}, with: { x: 1 } }
                  - uses: acme/build/sub@{{b}} # v1.2.3
                  - uses: other/thing@v3

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        plan.Pinned.ShouldBe(6);
        plan.Unresolved.Count.ShouldBe(1);
        plan.Unresolved[0].ShouldStartWith("other/thing@v3: git ls-remote ");
        plan.Lock.Entries.Select(e => e.Key).ShouldBe(["acme/build@main", "acme/build@v1", "acme/build@v1.0.0"]);
        (await FixtureRunner.ScanTextAsync(path, fixedText)).Count(f => f.RuleId == "GHA004").ShouldBe(1);
        (await FixtureRunner.ScanTextAsync(path, fixedText)).Count(f => f.RuleId == "GHA025").ShouldBe(0);
    }

    [Fact]
    public async Task Offline_plans_use_the_lock_only_and_list_what_it_lacks()
    {
        var text = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: acme/build@v1\n      - uses: acme/other@v2\n";
        var path = ".github/workflows/ci.yml";
        var targets = (await FixtureRunner.ScanTextAsync(path, text)).Where(f => f.RuleId == "GHA004")
            .Select(f => (f.Location.StartLine, f.Location.StartColumn)).ToHashSet();
        var sites = ActionPinner.FindSites(path, text, targets);
        var commit = new string('c', 40);
        var actionsLock = ActionsLock.Empty.With([new LockedAction("acme/build", "v1", commit, "v1.4.0")]);

        var plan = await ActionPinner.PlanAsync(
            new Dictionary<string, (string, IReadOnlyList<PinSite>)> { [path] = (text, sites) }, actionsLock, resolver: null, CancellationToken.None);

        Apply(text, plan.Edits[path].SelectMany(e => e)).ShouldContain($"      - uses: acme/build@{commit} # v1.4.0\n      - uses: acme/other@v2\n");
        plan.Unresolved.ShouldBe(["acme/other@v2: not in .shipgate/actions.lock (run without --offline to resolve it)"]);
        plan.Lock.Format().ShouldBe(actionsLock.Format());
    }

    private static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var builder = new System.Text.StringBuilder(text);
        foreach (var edit in edits.OrderByDescending(e => e.Offset))
        {
            builder.Remove(edit.Offset, edit.Length).Insert(edit.Offset, edit.NewText);
        }

        return builder.ToString();
    }
}
