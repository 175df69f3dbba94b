using Shipgate.Core;

namespace Shipgate.Containers.Dockerfiles;

/// <summary>
/// hadolint's inline markers: <c># hadolint ignore=DL3008,DL3015</c> on the comment lines right above an
/// instruction silences those rules for that instruction; <c># hadolint global ignore=…</c> silences them in the
/// whole file. A rule is named by its hadolint id (through its equivalents) or by its own id or name. Immutable.
/// </summary>
internal sealed class HadolintIgnores
{
    private static readonly HadolintIgnores None = new([], new Dictionary<int, HashSet<string>>(), []);

    private readonly HashSet<string> global;
    private readonly Dictionary<int, HashSet<string>> byLine;
    private readonly IReadOnlyList<Instruction> instructions;

    private HadolintIgnores(HashSet<string> global, Dictionary<int, HashSet<string>> byLine, IReadOnlyList<Instruction> instructions)
    {
        this.global = global;
        this.byLine = byLine;
        this.instructions = instructions;
    }

    public static HadolintIgnores Read(Dockerfile file)
    {
        if (!file.Comments.Any(c => c.Text.Contains("hadolint", StringComparison.OrdinalIgnoreCase)))
        {
            return None;
        }

        var global = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var commentLines = new Dictionary<int, string>();
        foreach (var comment in file.Comments)
        {
            commentLines[comment.Line] = comment.Text;
            if (Parse(comment.Text, out var isGlobal) is { } ids && isGlobal)
            {
                global.UnionWith(ids);
            }
        }

        var byLine = new Dictionary<int, HashSet<string>>();
        foreach (var instruction in file.Instructions)
        {
            for (var line = instruction.Line - 1; commentLines.TryGetValue(line, out var text); line--)
            {
                if (Parse(text, out var isGlobal) is { } ids && !isGlobal)
                {
                    if (!byLine.TryGetValue(instruction.Line, out var set))
                    {
                        byLine[instruction.Line] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    }

                    set.UnionWith(ids);
                }
            }
        }

        return new HadolintIgnores(global, byLine, file.Instructions);
    }

    public bool Suppresses(Finding finding)
    {
        if (global.Count == 0 && byLine.Count == 0)
        {
            return false;
        }

        if (Matches(global, finding))
        {
            return true;
        }

        var owner = instructions.LastOrDefault(i => i.Line <= finding.Location.StartLine);
        return owner is not null && byLine.TryGetValue(owner.Line, out var ids) && Matches(ids, finding);
    }

    private static bool Matches(HashSet<string> ids, Finding finding)
    {
        if (ids.Count == 0)
        {
            return false;
        }

        if (ids.Contains(finding.RuleId) || ids.Contains(finding.Rule.Name))
        {
            return true;
        }

        // DKR090 carries the ShellCheck code, so hadolint's "ignore=SC2086" keeps working.
        if (finding.Properties.TryGetValue("shellcheck", out var code) && ids.Contains(code))
        {
            return true;
        }

        foreach (var equivalent in finding.Equivalents)
        {
            if (equivalent.StartsWith("hadolint:", StringComparison.OrdinalIgnoreCase) && ids.Contains(equivalent["hadolint:".Length..]))
            {
                return true;
            }
        }

        return false;
    }

    private static string[]? Parse(string comment, out bool isGlobal)
    {
        isGlobal = false;
        var text = comment.Trim();
        if (!text.StartsWith("hadolint", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        text = text["hadolint".Length..].TrimStart();
        if (text.StartsWith("global", StringComparison.OrdinalIgnoreCase))
        {
            isGlobal = true;
            text = text["global".Length..].TrimStart();
        }

        if (!text.StartsWith("ignore", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        text = text["ignore".Length..].TrimStart();
        if (!text.StartsWith('='))
        {
            return null;
        }

        var list = text[1..].Trim();
        var space = list.IndexOfAny([' ', '\t']);
        if (space >= 0)
        {
            list = list[..space];
        }

        return list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}
