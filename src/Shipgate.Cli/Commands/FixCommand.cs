using System.CommandLine;
using System.Text;
using Shipgate.Cli.Output;
using Shipgate.Core;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate fix [PATH] [--rule ID] [--dry-run]</c>: scans, then applies the surgical text edits that findings
/// carry (for example persist-credentials: false, a read-only permissions: block, expressions moved to env:).
/// Edits that overlap an edit already taken in the same file are left for the next run.
/// </summary>
internal static partial class FixCommand
{
    public static Command Create(CliServices services)
    {
        var options = new ScanOptionSet();
        var rules = new Option<string[]>("--rule") { Description = "Only apply fixes of these rules (id or name; repeatable)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes as a unified diff instead of writing them." };
        var offline = new Option<bool>("--offline") { Description = "Pin actions from .shipgate/actions.lock only; list the ones it does not cover." };
        var remoteBase = new Option<string?>("--actions-remote-base")
        {
            Description = "Where action repositories live for git ls-remote (default https://github.com; also rules: workflows: actions-remote-base: in the config). GITHUB_TOKEN, when set, is sent as an HTTP header.",
        };
        var command = new Command("fix", "Apply the automatic fixes of findings to the files.");
        options.AddTo(command, withReports: false);
        command.Options.Add(rules);
        command.Options.Add(dryRun);
        command.Options.Add(offline);
        command.Options.Add(remoteBase);
        command.SetAction((result, token) => RunAsync(
            services,
            options.Read(result),
            new FixSettings(result.GetValue(rules) ?? [], result.GetValue(dryRun), result.GetValue(offline), result.GetValue(remoteBase)),
            token));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, ScanSettings settings, FixSettings fix, CancellationToken token)
    {
        var env = services.Environment;
        var options = new ScanRunner(services).BuildOptions(settings);
        var result = await services.CreateEngine(options.Only).RunAsync(options, token).ConfigureAwait(false);
        var wanted = fix.Rules.SelectMany(r => r.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var units = new SortedDictionary<string, List<IReadOnlyList<TextEdit>>>(StringComparer.Ordinal);
        foreach (var finding in result.Findings.Where(f => f.Fix is { Edits.Count: > 0 } && Wanted(wanted, f.Rule.Id, f.Rule.Name)))
        {
            UnitsOf(units, finding.Location.Path).Add(finding.Fix!.Edits);
        }

        var pinning = Wanted(wanted, "GHA004", "unpinned-uses") ? await PlanPinsAsync(services, options, result, fix, token).ConfigureAwait(false) : null;
        if (pinning is not null)
        {
            foreach (var (path, sites) in pinning.Plan.Edits)
            {
                UnitsOf(units, path).AddRange(sites);
            }
        }

        int applied = 0, deferred = 0, files = 0;
        foreach (var (displayPath, fileUnits) in units)
        {
            var path = env.Resolve(displayPath);
            var original = await File.ReadAllTextAsync(path, token).ConfigureAwait(false);
            var taken = new List<TextEdit>();
            foreach (var edits in fileUnits)
            {
                if (edits.All(e => taken.Contains(e)))
                {
                    applied++; // the same edit offered by several findings (one permissions: block for every job)
                    continue;
                }

                if (edits.Any(e => e.Offset + e.Length > original.Length || taken.Any(t => Overlaps(t, e))))
                {
                    deferred++;
                    continue;
                }

                taken.AddRange(edits);
                applied++;
            }

            if (taken.Count == 0)
            {
                continue;
            }

            var updated = Apply(original, taken);
            files++;
            if (fix.DryRun)
            {
                await env.Out.WriteAsync(Diff(displayPath, original, updated)).ConfigureAwait(false);
            }
            else
            {
                await File.WriteAllTextAsync(path, updated, new UTF8Encoding(false), token).ConfigureAwait(false);
            }
        }

        await env.Error.WriteLineAsync(
            $"shipgate: {(fix.DryRun ? "would apply" : "applied")} {applied} fix(es) in {files} file(s)" + (deferred > 0 ? $"; {deferred} overlapping fix(es) left for the next run" : "")).ConfigureAwait(false);
        return pinning is null ? (int)ExitCode.Success : await FinishPinningAsync(env, pinning, fix.DryRun, token).ConfigureAwait(false);
    }

    private static List<IReadOnlyList<TextEdit>> UnitsOf(SortedDictionary<string, List<IReadOnlyList<TextEdit>>> units, string path)
    {
        if (!units.TryGetValue(path, out var list))
        {
            list = [];
            units[path] = list;
        }

        return list;
    }

    private static bool Wanted(HashSet<string> wanted, string id, string name) =>
        wanted.Count == 0 || wanted.Contains(id) || wanted.Contains(name);

    // Two edits conflict when their ranges overlap or both insert at the same place.
    private static bool Overlaps(TextEdit a, TextEdit b) =>
        a.Offset == b.Offset || (a.Offset < b.Offset + b.Length && b.Offset < a.Offset + a.Length);

    internal static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var builder = new StringBuilder(text);
        foreach (var edit in edits.OrderByDescending(e => e.Offset))
        {
            builder.Remove(edit.Offset, edit.Length).Insert(edit.Offset, edit.NewText);
        }

        return builder.ToString();
    }

    private static string Diff(string path, string before, string after) => UnifiedDiff.Create(path, before, after);
}
