using System.Diagnostics;

namespace Shipgate.Cli.Gate;

/// <summary>
/// What a CI run says about itself, from GitHub Actions (<c>GITHUB_*</c>) or GitLab CI (<c>CI_*</c>, <c>GITLAB_USER_LOGIN</c>)
/// variables, with the commit message and author from <c>git</c> when the variables do not carry them.
/// </summary>
internal sealed record CiContext(
    string? Commit, string? Ref, string? Repository, string? Workflow, string? RunId, string? RunNumber, string? TriggeredBy, string? CommitMessage, string? Author)
{
    public static CiContext From(Func<string, string?> env)
    {
        if (env("GITHUB_ACTIONS") is "true")
        {
            return new CiContext(env("GITHUB_SHA"), env("GITHUB_REF"), env("GITHUB_REPOSITORY"), env("GITHUB_WORKFLOW"), env("GITHUB_RUN_ID"),
                env("GITHUB_RUN_NUMBER"), env("GITHUB_TRIGGERING_ACTOR") ?? env("GITHUB_ACTOR"), null, null);
        }

        if (env("GITLAB_CI") is "true")
        {
            var gitRef = env("CI_COMMIT_TAG") is { Length: > 0 } tag ? "refs/tags/" + tag
                : env("CI_COMMIT_BRANCH") is { Length: > 0 } branch ? "refs/heads/" + branch
                : env("CI_MERGE_REQUEST_REF_PATH");
            return new CiContext(env("CI_COMMIT_SHA"), gitRef, env("CI_PROJECT_PATH"), env("CI_PIPELINE_NAME") ?? env("CI_JOB_NAME"), env("CI_PIPELINE_ID"),
                env("CI_PIPELINE_IID"), env("GITLAB_USER_LOGIN"), env("CI_COMMIT_MESSAGE"), env("CI_COMMIT_AUTHOR"));
        }

        return new CiContext(null, null, null, null, null, null, null, null, null);
    }

    /// <summary>The subject line and author of <paramref name="commit"/> in the repository at <paramref name="directory"/>, if git knows it.</summary>
    public static (string? Message, string? Author) FromGit(string directory, string commit)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["log", "-1", "--format=%s%n%an <%ae>", commit, "--"])
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return (null, null);
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(10_000);
            var lines = output.Split('\n');
            return process.ExitCode == 0 && lines.Length >= 2 ? (lines[0], lines[1]) : (null, null);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return (null, null);
        }
    }
}
