using System.Globalization;
using System.Text;

namespace Shipgate.Cli.Output;

/// <summary>
/// A unified diff (<c>--- a/path</c>, <c>+++ b/path</c>, hunks with three lines of context) between two texts, as
/// <c>git apply</c> and <c>patch -p1</c> read it. The changed middle (after the common prefix and suffix) is aligned
/// by longest common subsequence; past about four million line pairs it is shown as one replacement. Stateless.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;
    private const long MaxCells = 4_000_000;

    public static string Create(string path, string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        var ops = Align(a, b);
        var output = new StringBuilder();
        output.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: from Context lines before this change to Context lines after the last change that is
            // closer than 2*Context lines to the previous one.
            var start = Math.Max(0, i - Context);
            var end = i;
            while (true)
            {
                while (end < ops.Count && ops[end].Kind != ' ')
                {
                    end++;
                }

                var next = end;
                while (next < ops.Count && ops[next].Kind == ' ')
                {
                    next++;
                }

                if (next < ops.Count && next - end <= 2 * Context)
                {
                    end = next;
                    continue;
                }

                end = Math.Min(ops.Count, end + Context);
                break;
            }

            var oldStart = ops[start].OldLine;
            var newStart = ops[start].NewLine;
            var oldCount = ops.Skip(start).Take(end - start).Count(o => o.Kind != '+');
            var newCount = ops.Skip(start).Take(end - start).Count(o => o.Kind != '-');
            output.Append(CultureInfo.InvariantCulture, $"@@ -{(oldCount == 0 ? oldStart - 1 : oldStart)},{oldCount} +{(newCount == 0 ? newStart - 1 : newStart)},{newCount} @@\n");
            for (var k = start; k < end; k++)
            {
                output.Append(ops[k].Kind).Append(ops[k].Text).Append('\n');
            }

            i = end;
        }

        return output.ToString();
    }

    private readonly record struct Op(char Kind, string Text, int OldLine, int NewLine);

    private static string[] Lines(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }

        return lines.Select(l => l.TrimEnd('\r')).ToArray();
    }

    private static List<Op> Align(string[] a, string[] b)
    {
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

        var ops = new List<Op>(a.Length + b.Length);
        for (var k = 0; k < prefix; k++)
        {
            ops.Add(new Op(' ', a[k], k + 1, k + 1));
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        if ((long)n * m > MaxCells)
        {
            for (var k = 0; k < n; k++)
            {
                ops.Add(new Op('-', a[prefix + k], prefix + k + 1, prefix + 1));
            }

            for (var k = 0; k < m; k++)
            {
                ops.Add(new Op('+', b[prefix + k], prefix + n + 1, prefix + k + 1));
            }
        }
        else
        {
            // lcs[x, y]: length of the LCS of a[prefix+x..] and b[prefix+y..] (within the middle).
            var lcs = new int[n + 1, m + 1];
            for (var x = n - 1; x >= 0; x--)
            {
                for (var y = m - 1; y >= 0; y--)
                {
                    lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
                }
            }

            int i = 0, j = 0;
            while (i < n || j < m)
            {
                if (i < n && j < m && a[prefix + i] == b[prefix + j])
                {
                    ops.Add(new Op(' ', a[prefix + i], prefix + i + 1, prefix + j + 1));
                    i++;
                    j++;
                }
                else if (i < n && (j == m || lcs[i + 1, j] >= lcs[i, j + 1]))
                {
                    ops.Add(new Op('-', a[prefix + i], prefix + i + 1, prefix + j + 1));
                    i++;
                }
                else
                {
                    ops.Add(new Op('+', b[prefix + j], prefix + i + 1, prefix + j + 1));
                    j++;
                }
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            var oldIndex = a.Length - suffix + k;
            var newIndex = b.Length - suffix + k;
            ops.Add(new Op(' ', a[oldIndex], oldIndex + 1, newIndex + 1));
        }

        return ops;
    }
}
