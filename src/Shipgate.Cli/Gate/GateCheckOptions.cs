using System.CommandLine;
using System.Globalization;
using Shipgate.Core;
using Shipgate.Gate.Contracts;

namespace Shipgate.Cli.Gate;

/// <summary>
/// <c>scan --gate-url URL --report-check NAME</c>: posts the scan's outcome to the gate as a named check for the exact
/// commit (<c>success</c> when nothing reached <c>--fail-on</c>), which environments can list in <c>required_checks</c>.
/// </summary>
internal sealed class GateCheckOptions
{
    private readonly GateConnection gate = new();

    private readonly Option<string?> name = new("--report-check") { Description = "Post the outcome to the gate (--gate-url) as this named check for the commit." };

    private readonly Option<string?> commit = new("--commit") { Description = "Commit the check is for (default: GITHUB_SHA, CI_COMMIT_SHA or the scanned repository's HEAD)." };

    public void AddTo(Command command)
    {
        command.Options.Add(name);
        command.Options.Add(commit);
        gate.AddTo(command);
    }

    /// <summary>Returns the scan's exit code, or 2 when the check could not be posted.</summary>
    public async Task<int> ReportAsync(ParseResult result, CliEnvironment env, int exit, ScanResult? scan, CancellationToken token)
    {
        if (result.GetValue(name) is not { } check)
        {
            return exit;
        }

        var sha = result.GetValue(commit) ?? CiContext.From(env.GetEnvironmentVariable).Commit ?? scan?.Repository?.Commit
            ?? throw new UsageException("--report-check needs the commit: give --commit or scan a git repository");
        var status = exit switch { 0 => "success", 1 => "failure", _ => "error" };
        var summary = scan is null ? $"exit code {exit}" : Summarise(scan);
        var posted = await GateVerb.RunAsync(env, async () =>
        {
            using var client = gate.Connect(result, env);
            await client.ReportCheckAsync(new CheckBody(sha, check, status, scan?.Repository?.Name ?? CiContext.From(env.GetEnvironmentVariable).Repository, summary), token).ConfigureAwait(false);
            await env.Error.WriteLineAsync($"shipgate: reported check '{check}' = {status} for {sha[..Math.Min(12, sha.Length)]} to the gate").ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        return posted == 0 ? exit : posted;
    }

    private static string Summarise(ScanResult scan)
    {
        var summary = scan.Summary;
        var counts = string.Join(", ", summary.BySeverity.Where(p => p.Value > 0).OrderByDescending(p => p.Key).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value} {EnumNames.ToWire(p.Key)}")));
        return string.Create(CultureInfo.InvariantCulture, $"{summary.Total} finding(s){(counts.Length > 0 ? $" ({counts})" : "")} in {summary.FilesScanned} file(s); fail-on {EnumNames.ToWire(scan.FailOn)}");
    }
}
