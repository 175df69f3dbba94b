using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

/// <summary><c>shipgate pr-guard</c> end to end with a real repository and crafted event payloads.</summary>
public sealed class PrGuardCommandTests : IDisposable
{
    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    private (string Base, string Head) CreateRepository(string changedPath)
    {
        dir.InitRepository();
        dir.Write(".github/workflows/ci.yml", "on: push\njobs: {}\n");
        dir.Write("src/app.py", "print(1)\n");
        dir.Git("add", ".");
        dir.Git("commit", "-q", "-m", "base");
        var baseSha = dir.Git("rev-parse", "HEAD").Trim();
        dir.Git("checkout", "-q", "-b", "contribution");
        dir.Write(changedPath, "changed\n");
        dir.Git("add", ".");
        dir.Git("commit", "-q", "-m", "change");
        var head = dir.Git("rev-parse", "HEAD").Trim();
        dir.Git("checkout", "-q", "main");
        return (baseSha, head);
    }

    private string WriteEvent(string baseSha, string head, string headRepo = "mallory/project", string labels = "") =>
        dir.Write("event.json", $$"""
            {
              "action": "synchronize",
              "number": 42,
              "pull_request": {
                "number": 42,
                "user": { "login": "mallory" },
                "labels": [{{labels}}],
                "base": { "sha": "{{baseSha}}", "repo": { "full_name": "owner/project", "fork": false } },
                "head": { "sha": "{{head}}", "repo": { "full_name": "{{headRepo}}", "fork": true } }
              }
            }
            """);

    [Fact]
    public void PrGuard_ForkChangingAWorkflow_ExitsOneListingTheFile()
    {
        var (baseSha, head) = CreateRepository(".github/workflows/release.yml");
        WriteEvent(baseSha, head);

        var run = CliHarness.Run(dir.Path, "pr-guard", "--event", "event.json");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Out.ShouldContain("shipgate pr-guard: external contributors cannot modify workflows without manual review.\n");
        run.Out.ShouldContain("Pull request #42 from mallory/project by mallory changes CI configuration:\n  .github/workflows/release.yml\n");
    }

    [Fact]
    public void PrGuard_ForkChangingCode_ExitsZero()
    {
        var (baseSha, head) = CreateRepository("src/app.py");
        WriteEvent(baseSha, head);

        var run = CliHarness.Run(dir.Path, "pr-guard", "--event", "event.json");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("changes no CI configuration");
    }

    [Fact]
    public void PrGuard_ExtraPathsAndTrustedLabels()
    {
        var (baseSha, head) = CreateRepository("scripts/ci/build.sh");
        WriteEvent(baseSha, head, labels: "{ \"name\": \"ci-approved\" }");

        var strict = CliHarness.Run(dir.Path, "pr-guard", "--event", "event.json", "--ci-path", "scripts/ci/**");
        strict.ExitCode.ShouldBe(1, strict.ToString());
        strict.Out.ShouldContain("  scripts/ci/build.sh\n");

        var trusted = CliHarness.Run(dir.Path, "pr-guard", "--event", "event.json", "--ci-path", "scripts/ci/**", "--trusted-label", "ci-approved");
        trusted.ExitCode.ShouldBe(0, trusted.ToString());
        trusted.Out.ShouldContain("trusted by label ci-approved");
    }

    [Fact]
    public void PrGuard_SameRepositoryBranch_ExitsZero()
    {
        var (baseSha, head) = CreateRepository(".github/workflows/release.yml");
        WriteEvent(baseSha, head, headRepo: "owner/project");

        var run = CliHarness.Run(dir.Path, "pr-guard", "--event", "event.json");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("is not from a fork");
    }

    [Fact]
    public void PrGuard_MissingHeadCommit_ExitsTwoAskingForFetchDepthZero()
    {
        var (baseSha, _) = CreateRepository("src/app.py");
        WriteEvent(baseSha, new string('f', 40));

        var run = CliHarness.Run(dir.Path, "pr-guard", "--event", "event.json");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("is not in this checkout");
        run.Error.ShouldContain("fetch-depth: 0");
        run.Error.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("{\"ref\": \"refs/heads/main\"}", "event.json:1:1: not a pull_request")]
    [InlineData("{\n  \"pull_request\": [", "event.json:2:")]
    public void PrGuard_BadEvent_ExitsTwoNamingTheFile(string content, string expected)
    {
        dir.Write("event.json", content);

        var run = CliHarness.Run(dir.Path, "pr-guard", "--event", "event.json");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(expected);
    }

    [Fact]
    public void PrGuard_NoEvent_ExitsTwo()
    {
        var run = CliHarness.Run(dir.Path, "pr-guard");
        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("GITHUB_EVENT_PATH is not set");
    }
}
