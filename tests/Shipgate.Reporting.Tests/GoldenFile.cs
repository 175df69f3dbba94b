using System.Text;
using Xunit.Sdk;

namespace Shipgate.Reporting.Tests;

/// <summary>
/// Compares output with a golden file under <c>Golden/</c>, byte for byte. Golden files are read from the
/// test output folder (the csproj copies them); with <c>SHIPGATE_UPDATE_GOLDEN=1</c> the source copy next to
/// the test project's source folder is rewritten instead. On a mismatch the failure shows a line diff.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "SHIPGATE_UPDATE_GOLDEN";
    private const int ContextLines = 3;
    private const int MaxDiffLines = 200;

    public static void Assert(byte[] actual, string name)
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var sourceFolder = Path.Combine(Shipgate.Testing.SourceTree.ProjectDirectory, "Golden");

            File.WriteAllBytes(Path.Combine(sourceFolder, name), actual);
            File.WriteAllBytes(OutputPath(name), actual);
            return;
        }

        var path = OutputPath(name);
        if (!File.Exists(path))
        {
            throw new XunitException($"Golden file '{name}' is missing. Run the tests with {UpdateVariable}=1 to create it, then review and commit it.");
        }

        var expected = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            throw new XunitException(
                $"Output differs from golden file '{name}' (- expected, + actual). If the change is intended, run the tests with {UpdateVariable}=1 and review the diff.\n"
                + Diff(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual)));
        }
    }

    private static string OutputPath(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name);

    /// <summary>A unified-style diff from the longest common subsequence of lines. Carriage returns are shown as ␍.</summary>
    internal static string Diff(string expected, string actual)
    {
        var a = expected.Replace("\r", "␍", StringComparison.Ordinal).Split('\n');
        var b = actual.Replace("\r", "␍", StringComparison.Ordinal).Split('\n');

        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Op, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                lines.Add(('-', a[x++]));
            }
            else
            {
                lines.Add(('+', b[y++]));
            }
        }

        var output = new StringBuilder();
        var shown = 0;
        var lastPrinted = -1;
        for (var k = 0; k < lines.Count && shown < MaxDiffLines; k++)
        {
            var nearChange = false;
            for (var d = Math.Max(0, k - ContextLines); d <= Math.Min(lines.Count - 1, k + ContextLines) && !nearChange; d++)
            {
                nearChange = lines[d].Op != ' ';
            }

            if (!nearChange)
            {
                continue;
            }

            if (lastPrinted >= 0 && k > lastPrinted + 1)
            {
                output.Append("@@\n");
            }

            output.Append(lines[k].Op).Append(' ').Append(lines[k].Text).Append('\n');
            lastPrinted = k;
            shown++;
        }

        return output.ToString();
    }
}
