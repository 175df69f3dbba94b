using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretsCommandTests : IDisposable
{
    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task Stdin_LogWithToken_IsReportedAndRedacted()
    {
        var sample = SecretSamples.GitHubToken();
        var log = Encoding.UTF8.GetBytes("step 1 ok\nstep 2: using " + sample.Line + "\nstep 3 ok\n");

        var run = await CliHarness.RunAsync(dir.Path, null, log, "secrets", "--stdin", "-f", "json", "-o", "r.json");

        run.ExitCode.ShouldBe(1, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("r.json"));
        var finding = json.RootElement.GetProperty("findings")[0];
        finding.GetProperty("location").GetProperty("path").GetString().ShouldBe("<stdin>");
        finding.GetProperty("location").GetProperty("startLine").GetInt32().ShouldBe(2);
        dir.Read("r.json").ShouldNotContain(sample.Secret);
    }

    [Fact]
    public async Task Stdin_Dash_IsTheSameAsStdinOption()
    {
        var sample = SecretSamples.GitHubToken();
        var run = await CliHarness.RunAsync(dir.Path, null, Encoding.UTF8.GetBytes(sample.Line + "\n"), "secrets", "-");
        run.ExitCode.ShouldBe(1, run.ToString());
        run.Out.ShouldNotContain(sample.Secret);
    }

    [Fact]
    public void Staged_OnlyStagedAddedLinesCount()
    {
        // Given a repository with a committed secret, a staged new secret and an unstaged one
        dir.InitRepository();
        var old = SecretSamples.GitHubToken();
        dir.Write("old.txt", old.Line + "\n");
        dir.Git("add", ".");
        dir.Git("commit", "-qm", "old");
        var staged = SecretSamples.GitHubToken();
        dir.Write("new.txt", "line one\n" + staged.Line + "\n");
        dir.Git("add", "new.txt");
        dir.Write("unstaged.txt", SecretSamples.GitHubToken().Line + "\n");

        // When checking what is staged
        var run = CliHarness.Run(dir.Path, "secrets", "--staged", "-f", "json", "-o", "r.json");

        // Then only the staged secret is reported, at its line in the staged file
        run.ExitCode.ShouldBe(1, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("r.json"));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        findings.Count.ShouldBe(1);
        findings[0].GetProperty("location").GetProperty("path").GetString().ShouldBe("new.txt");
        findings[0].GetProperty("location").GetProperty("startLine").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void Staged_NotARepository_ExitsTwo()
    {
        var run = CliHarness.Run(dir.Path, "secrets", "--staged");
        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public void History_RemovedSecret_IsAttributedToTheCommitThatAddedIt()
    {
        dir.InitRepository();
        dir.Write("a.txt", "clean\n");
        dir.Git("add", ".");
        dir.Git("commit", "-qm", "first");
        var sample = SecretSamples.GitHubToken();
        dir.Write("a.txt", "clean\n" + sample.Line + "\n");
        dir.Git("commit", "-qam", "add token");
        var commit = dir.Git("rev-parse", "HEAD").Trim();
        dir.Write("a.txt", "clean\n");
        dir.Git("commit", "-qam", "remove token");

        CliHarness.Run(dir.Path, "scan", ".").ExitCode.ShouldBe(0);
        var run = CliHarness.Run(dir.Path, "secrets", "--history", "-f", "json", "-o", "r.json");

        run.ExitCode.ShouldBe(1, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("r.json"));
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single();
        finding.GetProperty("properties").GetProperty("commit").GetString().ShouldBe(commit);
        dir.Read("r.json").ShouldNotContain(sample.Secret);
    }

    [Fact]
    public void History_NotARepository_ExitsTwo()
    {
        CliHarness.Run(dir.Path, "secrets", "--history").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void History_GitFailsMidStream_ExitsTwoWithOneLine()
    {
        // A loose object cut short: git cat-file prints its header, then dies while streaming the content.
        dir.InitRepository();
        dir.Write("a.txt", "clean\n");
        dir.Write("b.txt", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(150_000)));
        dir.Git("add", ".");
        dir.Git("commit", "-qm", "first");
        var id = dir.Git("rev-parse", "HEAD:b.txt").Trim();
        var objectFile = Path.Combine(dir.Path, ".git", "objects", id[..2], id[2..]);
        File.SetAttributes(objectFile, FileAttributes.Normal);
        using (var stream = new FileStream(objectFile, FileMode.Open))
        {
            stream.SetLength(2000);
        }

        var run = CliHarness.Run(dir.Path, "secrets", "--history", "--quiet");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain(id);
    }

    [Fact]
    public void ConflictingModes_ExitTwo()
    {
        CliHarness.Run(dir.Path, "secrets", "--staged", "--history").ExitCode.ShouldBe(2);
        CliHarness.Run(dir.Path, "secrets", "--since", "HEAD~1").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Hook_RefusesACommitWithASecretAndAllowsItAfterRemoval()
    {
        // Given a repository with Shipgate's pre-commit hook, chained after an existing hook
        dir.InitRepository();
        dir.Write(".git/hooks/pre-commit", "#!/bin/sh\necho previous-hook-ran > \"$(git rev-parse --git-dir)/previous.txt\"\n");
        File.SetUnixFileMode(Path.Combine(dir.Path, ".git/hooks/pre-commit"), (UnixFileMode)0b111_101_101);
        var install = CliHarness.Run(dir.Path, "hook", "install");
        install.ExitCode.ShouldBe(0, install.ToString());
        File.ReadAllText(Path.Combine(dir.Path, ".git/hooks/pre-commit")).ShouldContain("shipgate-hook");

        // When committing a generated token, the commit is refused with a clear message
        var sample = SecretSamples.GitHubToken();
        dir.Write("config.txt", sample.Line + "\n");
        dir.Git("add", ".");
        var refused = Commit(dir, "with secret");
        refused.ExitCode.ShouldNotBe(0);
        refused.Output.ShouldContain("config.txt");
        refused.Output.ShouldNotContain(sample.Secret);

        // And after removing it the commit succeeds and the previous hook still runs
        dir.Write("config.txt", "token = read_from_vault()\n");
        dir.Git("add", ".");
        var accepted = Commit(dir, "clean");
        accepted.ExitCode.ShouldBe(0, accepted.Output);
        File.Exists(Path.Combine(dir.Path, ".git/previous.txt")).ShouldBeTrue();

        // And uninstall restores the previous hook
        CliHarness.Run(dir.Path, "hook", "uninstall").ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(dir.Path, ".git/hooks/pre-commit")).ShouldContain("previous-hook-ran");
    }

    [Fact]
    public void Hook_OutsideARepository_ExitsTwo()
    {
        CliHarness.Run(dir.Path, "hook", "install").ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Run_MasksNamedVariablesAndDetectedTokens()
    {
        var sample = SecretSamples.GitHubToken();
        var script = Path.Combine(dir.Path, "print.sh");
        File.WriteAllText(script, $"#!/bin/sh\necho \"password is hunter2-very-secret\"\necho '{sample.Line}' >&2\nexit 7\n");
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);

        var run = await RunWithEnvironment("SHIPGATE_TEST_PASSWORD", "hunter2-very-secret", "run", "--mask-env", "SHIPGATE_TEST_PASSWORD", "--", script);

        run.ExitCode.ShouldBe(7);
        run.Out.ShouldContain("password is ***");
        run.Error.ShouldNotContain(sample.Secret);
        run.Error.ShouldContain("***");
    }

    private async Task<CliRun> RunWithEnvironment(string name, string value, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment
        {
            Out = output,
            Error = error,
            OpenStandardInput = () => new MemoryStream(),
            WorkingDirectory = dir.Path,
            GetEnvironmentVariable = n => n == name ? value : null,
        };
        var exit = await CliApp.RunAsync(args, Program.CreateServices(env));
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    private static (int ExitCode, string Output) Commit(TempDir repo, string message)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = repo.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "commit", "-qm", message })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.test";
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, text);
    }

    [Fact]
    public void ShowSecrets_RevealsOnTheConsoleOnly()
    {
        // Given a file with a generated token
        var sample = SecretSamples.GitHubToken();
        dir.Write("app.env", "# settings\n" + sample.Line + "\n");

        // When scanning by default, with --show-secrets, and with --show-secrets into a JSON file
        var redacted = CliHarness.Run(dir.Path, "secrets", ".", "--format", "console");
        var shown = CliHarness.Run(dir.Path, "secrets", ".", "--format", "console", "--show-secrets");
        var file = CliHarness.Run(dir.Path, "secrets", ".", "--show-secrets", "--format", "json", "--output", "r.json");

        // Then only the console report of the opted-in run holds the value
        redacted.ExitCode.ShouldBe(1, redacted.ToString());
        redacted.Out.ShouldNotContain(sample.Secret);
        shown.ExitCode.ShouldBe(1, shown.ToString());
        shown.Out.ShouldContain(sample.Secret);
        file.ExitCode.ShouldBe(1, file.ToString());
        file.Out.ShouldNotContain(sample.Secret);
        dir.Read("r.json").ShouldNotContain(sample.Secret);
    }

    [Fact]
    public async Task ShowSecrets_OnStdin_StaysRedacted()
    {
        var sample = SecretSamples.GitHubToken();

        var run = await CliHarness.RunAsync(dir.Path, null, Encoding.UTF8.GetBytes(sample.Line + "\n"), "secrets", "--stdin", "--show-secrets");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Out.ShouldNotContain(sample.Secret);
    }
}
