using Shipgate.Core;

namespace Shipgate.Cli.Output;

/// <summary>
/// <c>--show-secrets</c>: for the console report only, replaces the redacted snippet of each secret finding with the
/// source line as it is on disk, re-read now (the scan itself never keeps secret values). Findings whose file cannot be
/// read again — standard input, git history, archive members, files changed since — keep their redacted snippet.
/// </summary>
internal static class SecretReveal
{
    private const int MaxFileBytes = 25 * 1024 * 1024;
    private const int MaxLineChars = 400;

    public static ScanResult Apply(ScanResult result, CliEnvironment environment)
    {
        var cache = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        var findings = result.Findings.Select(f => Reveal(f, environment, cache)).ToList();
        return result with { Findings = findings };
    }

    private static Finding Reveal(Finding finding, CliEnvironment environment, Dictionary<string, string[]?> cache)
    {
        if (finding.Category != Category.Secrets || finding.Snippet is null || finding.Location.Path.Contains('!', StringComparison.Ordinal))
        {
            return finding;
        }

        if (!cache.TryGetValue(finding.Location.Path, out var lines))
        {
            lines = cache[finding.Location.Path] = ReadLines(environment.Resolve(finding.Location.Path));
        }

        var index = finding.Location.StartLine - 1;
        if (lines is null || index < 0 || index >= lines.Length)
        {
            return finding;
        }

        var line = lines[index].TrimEnd('\r');
        var column = Math.Clamp(finding.Location.StartColumn - 1, 0, line.Length);
        var from = Math.Max(0, Math.Min(column - (MaxLineChars / 2), line.Length - MaxLineChars));
        var excerpt = line.Length <= MaxLineChars ? line : line.Substring(from, Math.Min(MaxLineChars, line.Length - from));
        return finding with { Snippet = excerpt };
    }

    private static string[]? ReadLines(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length <= MaxFileBytes ? File.ReadAllLines(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
