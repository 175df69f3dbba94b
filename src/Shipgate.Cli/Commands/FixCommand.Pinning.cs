using Shipgate.Cli.Output;
using Shipgate.Core;
using Shipgate.Workflows;
using Shipgate.Workflows.Fixes;

namespace Shipgate.Cli.Commands;

/// <summary>The options of <c>shipgate fix</c> beyond the scan options.</summary>
internal sealed record FixSettings(string[] Rules, bool DryRun, bool Offline, string? ActionsRemoteBase);

/// <summary>
/// Pinning <c>uses:</c> to commit SHAs (GHA004's fix): needs the lock file and, unless <c>--offline</c>, the network,
/// so it is planned here rather than carried by the finding.
/// </summary>
internal static partial class FixCommand
{
    private sealed record Pinning(PinPlan Plan, string LockPath, string? OldLockText);

    private static async Task<Pinning?> PlanPinsAsync(CliServices services, ScanOptions options, ScanResult result, FixSettings fix, CancellationToken token)
    {
        var env = services.Environment;
        var targets = result.Findings
            .Where(f => f.RuleId == "GHA004")
            .GroupBy(f => f.Location.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<(int, int)>)g.Select(f => (f.Location.StartLine, f.Location.StartColumn)).ToHashSet(), StringComparer.Ordinal);
        var root = options.Targets.Count == 1 && Directory.Exists(env.Resolve(options.Targets[0])) ? env.Resolve(options.Targets[0]) : env.WorkingDirectory;
        var lockPath = Path.Combine(root, ActionsLock.RelativePath);
        var oldText = File.Exists(lockPath) ? await File.ReadAllTextAsync(lockPath, token).ConfigureAwait(false) : null;
        var actionsLock = ActionsLock.Load(root);
        if (targets.Count == 0)
        {
            return null;
        }

        var files = new Dictionary<string, (string Text, IReadOnlyList<PinSite> Sites)>(StringComparer.Ordinal);
        foreach (var (path, positions) in targets)
        {
            var text = await File.ReadAllTextAsync(env.Resolve(path), token).ConfigureAwait(false);
            var sites = ActionPinner.FindSites(path, text, positions);
            if (sites.Count > 0)
            {
                files[path] = (text, sites);
            }
        }

        var remoteBase = fix.ActionsRemoteBase
            ?? options.Rules.Option(WorkflowsScanner.SettingsKey, "actions-remote-base")
            ?? GitRemoteResolver.DefaultBase;
        IActionRefResolver? resolver = fix.Offline ? null : new GitRemoteResolver(remoteBase, env.GetEnvironmentVariable("GITHUB_TOKEN"));
        var plan = await ActionPinner.PlanAsync(files, actionsLock, resolver, token).ConfigureAwait(false);
        return new Pinning(plan, lockPath, oldText);
    }

    private static async Task<int> FinishPinningAsync(CliEnvironment env, Pinning pinning, bool dryRun, CancellationToken token)
    {
        var newText = pinning.Plan.Lock.Format();
        var changed = pinning.Plan.Lock.Entries.Count > 0 && newText != pinning.OldLockText;
        if (changed && dryRun)
        {
            await env.Out.WriteAsync(UnifiedDiff.Create(ActionsLock.RelativePath, pinning.OldLockText ?? "", newText)).ConfigureAwait(false);
        }
        else if (changed)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(pinning.LockPath)!);
            await File.WriteAllTextAsync(pinning.LockPath, newText, new System.Text.UTF8Encoding(false), token).ConfigureAwait(false);
        }

        if (pinning.Plan.Unresolved.Count == 0)
        {
            return (int)ExitCode.Success;
        }

        await env.Error.WriteLineAsync($"shipgate: {pinning.Plan.Unresolved.Count} action ref(s) could not be pinned:").ConfigureAwait(false);
        foreach (var problem in pinning.Plan.Unresolved)
        {
            await env.Error.WriteLineAsync("  " + problem).ConfigureAwait(false);
        }

        return (int)ExitCode.FindingsAtOrAboveThreshold;
    }
}
