using System.Globalization;
using System.Text.Json;
using Shipgate.Gate.Config;
using Shipgate.Gate.Contracts;

namespace Shipgate.Cli.Gate;

/// <summary>What the gate client verbs share: error handling (exit code 2, one line), JSON output and duration parsing.</summary>
internal static class GateVerb
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(CliEnvironment env, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (GateCallException ex)
        {
            await env.Error.WriteLineAsync($"shipgate: {ex.Message}").ConfigureAwait(false);
            return (int)ExitCode.UsageOrInputError;
        }
    }

    public static TimeSpan Duration(string? text, string option, TimeSpan fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        return GateDuration.TryParse(text, out var value) && value > TimeSpan.Zero
            ? value
            : throw new UsageException($"'{text}' is not a duration for {option} (use e.g. 30s, 10m, 2h, 1d)");
    }

    public static string Describe(DeploymentDto d) => string.Create(CultureInfo.InvariantCulture,
        $"#{d.Id} {d.Environment} {d.Status} {d.Commit[..Math.Min(12, d.Commit.Length)]} {d.Ref} by {d.RequestedBy} at {d.RequestedAt:yyyy-MM-dd HH:mm}Z");

    public static async Task WriteDetailsAsync(TextWriter output, DeploymentDto d)
    {
        await output.WriteLineAsync(Describe(d)).ConfigureAwait(false);
        void Line(string key, object? value)
        {
            if (value is not null)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key,-15} {value}"));
            }
        }

        Line("artifact", d.Artifact);
        Line("repository", d.Repository);
        Line("workflow", d.Workflow is null ? null : $"{d.Workflow} run {d.RunId} #{d.RunNumber}");
        Line("commit message", d.CommitMessage);
        Line("author", d.Author);
        Line("triggered by", d.TriggeredBy);
        Line("decided at", d.DecidedAt);
        Line("expires at", d.ExpiresAt);
        Line("started at", d.StartedAt);
        Line("finished at", d.FinishedAt);
        Line("superseded by", d.SupersededBy);
        Line("override", d.OverrideReason is null ? null : $"{d.OverrideBy}: {d.OverrideReason}");
        Line("verification", d.Verification);
        foreach (var rule in d.Rules)
        {
            Line("rule", $"{rule.Group} {rule.Filled}/{rule.Count}" + (rule.Approvers.Count > 0 ? $" ({string.Join(", ", rule.Approvers)})" : ""));
        }

        foreach (var approval in d.Approvals)
        {
            Line(approval.Decision, $"{approval.Approver} at {approval.At:yyyy-MM-dd HH:mm}Z" + (approval.Comment is null ? "" : $": {approval.Comment}"));
        }

        foreach (var waiting in d.Waiting)
        {
            Line("waiting for", waiting);
        }
    }
}
