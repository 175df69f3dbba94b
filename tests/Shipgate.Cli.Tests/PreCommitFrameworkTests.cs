using System.Diagnostics;
using Shipgate.Cli.Hooks;
using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

/// <summary>
/// The hook definitions published in <c>.pre-commit-hooks.yaml</c>, run by the real pre-commit framework (Debian's
/// <c>pre-commit</c>) from a local clone, the way a team would consume them.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PreCommitFrameworkTests : IDisposable
{
    private readonly TempDir project = new();
    private readonly TempDir hooks = new();
    private readonly TempDir tools = new();

    public void Dispose()
    {
        project.Dispose();
        hooks.Dispose();
        tools.Dispose();
    }

    [RequiresToolFact("pre-commit")]
    public void PublishedHook_RefusesACommitWithASecret_AndAcceptsItOnceRemoved()
    {
        // Given a hook repository holding our .pre-commit-hooks.yaml, and `shipgate` on PATH
        hooks.InitRepository();
        hooks.Write(".pre-commit-hooks.yaml", File.ReadAllText(Path.Combine(Repository.Root, ".pre-commit-hooks.yaml")));
        hooks.Git("add", ".");
        hooks.Git("commit", "-qm", "hooks");
        var revision = hooks.Git("rev-parse", "HEAD").Trim();
        var bin = Path.Combine(tools.Path, "bin");
        Directory.CreateDirectory(bin);
        var wrapper = Path.Combine(bin, "shipgate");
        File.WriteAllText(wrapper, "#!/bin/sh\nexec " + HookInstaller.CurrentCommand() + " \"$@\"\n");
        File.SetUnixFileMode(wrapper, (UnixFileMode)0b111_101_101);

        // And a project that uses the shipgate-secrets hook
        project.InitRepository();
        project.Write(".pre-commit-config.yaml", $"repos:\n  - repo: {hooks.Path}\n    rev: {revision}\n    hooks:\n      - id: shipgate-secrets\n");
        project.Write("README.md", "demo\n");
        project.Git("add", ".");
        project.Git("commit", "-qm", "initial", "--no-verify");
        Run(project, bin, "pre-commit", "install").ExitCode.ShouldBe(0);

        // When a commit adds a generated token
        var sample = SecretSamples.GitHubToken();
        project.Write("settings.env", sample.Line + "\n");
        project.Git("add", "settings.env");
        var refused = Run(project, bin, "git", "commit", "-qm", "add settings");

        // Then pre-commit runs the hook, which refuses it without printing the value
        refused.ExitCode.ShouldNotBe(0, refused.Output);
        refused.Output.ShouldContain("shipgate secrets");
        refused.Output.ShouldContain("settings.env");
        refused.Output.ShouldNotContain(sample.Secret);

        // And once the token is replaced by a reference, the commit goes through
        project.Write("settings.env", "GITHUB_TOKEN=${GITHUB_TOKEN}\n");
        project.Git("add", "settings.env");
        var accepted = Run(project, bin, "git", "commit", "-qm", "add settings");
        accepted.ExitCode.ShouldBe(0, accepted.Output);
    }

    private (int ExitCode, string Output) Run(TempDir repo, string bin, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = repo.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["PRE_COMMIT_HOME"] = Path.Combine(tools.Path, "pre-commit-cache");
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.test";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
