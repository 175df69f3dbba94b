using System.CommandLine;
using System.Text;
using Shipgate.Core;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate fix [PATH] [--rule ID] [--dry-run]</c>: scans, then applies the surgical text edits that findings
/// carry (for example persist-credentials: false, a read-only permissions: block, expressions moved to env:).
/// Edits that overlap an edit already taken in the same file are left for the next run.
/// </summary>
internal static class FixCommand
{
    public static Command Create(CliServices services)
    {
        var options = new ScanOptionSet();
        var rules = new Option<string[]>("--rule") { Description = "Only apply fixes of these rules (id or name; repeatable)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes instead of writing them." };
        var command = new Command("fix", "Apply the automatic fixes of findings to the files.");
        options.AddTo(command, withReports: false);
        command.Options.Add(rules);
        command.Options.Add(dryRun);
        command.SetAction((result, token) => RunAsync(services, options.Read(result), result.GetValue(rules) ?? [], result.GetValue(dryRun), token));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, ScanSettings settings, string[] rules, bool dryRun, CancellationToken token)
    {
        var env = services.Environment;
        var options = new ScanRunner(services).BuildOptions(settings);
        var result = await services.CreateEngine().RunAsync(options, token).ConfigureAwait(false);
        var wanted = rules.SelectMany(r => r.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fixable = result.Findings
            .Where(f => f.Fix is { Edits.Count: > 0 } && (wanted.Count == 0 || wanted.Contains(f.RuleId) || wanted.Contains(f.Rule.Name)))
            .GroupBy(f => f.Location.Path, StringComparer.Ordinal);

        int applied = 0, deferred = 0, files = 0;
        foreach (var group in fixable)
        {
            var path = env.Resolve(group.Key);
            var original = await File.ReadAllTextAsync(path, token).ConfigureAwait(false);
            var taken = new List<TextEdit>();
            foreach (var finding in group)
            {
                var edits = finding.Fix!.Edits;
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
            if (dryRun)
            {
                await env.Out.WriteAsync(Diff(group.Key, original, updated)).ConfigureAwait(false);
            }
            else
            {
                await File.WriteAllTextAsync(path, updated, new UTF8Encoding(false), token).ConfigureAwait(false);
            }
        }

        await env.Error.WriteLineAsync(
            $"shipgate: {(dryRun ? "would apply" : "applied")} {applied} fix(es) in {files} file(s)" + (deferred > 0 ? $"; {deferred} overlapping fix(es) left for the next run" : "")).ConfigureAwait(false);
        return (int)ExitCode.Success;
    }

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

    // A compact line diff: the changed region of each file with one line of context.
    private static string Diff(string path, string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var output = new StringBuilder();
        output.Append("--- ").Append(path).Append('\n').Append("+++ ").Append(path).Append('\n');
        output.Append("@@ -").Append(prefix + 1).Append(" +").Append(prefix + 1).Append(" @@\n");
        for (var i = prefix; i < a.Length - suffix; i++)
        {
            output.Append('-').Append(a[i].TrimEnd('\r')).Append('\n');
        }

        for (var i = prefix; i < b.Length - suffix; i++)
        {
            output.Append('+').Append(b[i].TrimEnd('\r')).Append('\n');
        }

        return output.ToString();
    }
}
