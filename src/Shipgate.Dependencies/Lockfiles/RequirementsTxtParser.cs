namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// pip's <c>requirements.txt</c>. Follows <c>-r</c>/<c>--requirement</c> includes (relative to the including file,
/// each file at most once, so loops end); packages from an include keep the path of the file named on the command
/// line. A requirement pinned with <c>==</c> or bounded by one operator reports that version; unpinned, wildcard,
/// excluded (<c>!=</c>) or multi-clause requirements report an empty version. URLs, local paths, <c>name @ url</c>,
/// environment-variable versions and malformed lines are skipped.
/// </summary>
public sealed class RequirementsTxtParser(IFileReader files) : ILockfileParser
{
    private const int MaxIncludes = 256;

    public string Format => "requirements.txt";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var packages = new List<Package>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { Normalize(path) };
        ParseFile(content, path, path, isIncluded: false, packages, visited);
        return packages;
    }

    private void ParseFile(string content, string filePath, string sourcePath, bool isIncluded, List<Package> packages, HashSet<string> visited)
    {
        foreach (var (text, line) in LogicalLines(content))
        {
            var requirement = StripComment(text).Trim();
            if (requirement.Length == 0)
            {
                continue;
            }

            if (requirement[0] == '-')
            {
                if (IncludeTarget(requirement) is { } include && visited.Count < MaxIncludes)
                {
                    var includePath = Path.Combine(Path.GetDirectoryName(filePath) ?? "", include);
                    if (visited.Add(Normalize(includePath)) && files.TryRead(includePath) is { } included)
                    {
                        ParseFile(included, includePath, sourcePath, isIncluded: true, packages, visited);
                    }
                }

                continue;
            }

            if (ParseRequirement(requirement) is { } parsed)
            {
                packages.Add(new Package(parsed.Name, parsed.Version, Ecosystem.PyPI, sourcePath, isIncluded ? null : line) { Direct = true });
            }
        }
    }

    /// <summary>Physical lines joined at trailing backslashes, each with the 1-based line it starts on.</summary>
    private static IEnumerable<(string Text, int Line)> LogicalLines(string content)
    {
        var lines = content.Split('\n');
        var builder = new System.Text.StringBuilder();
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (builder.Length == 0)
            {
                start = i + 1;
            }

            if (line.EndsWith('\\'))
            {
                builder.Append(line, 0, line.Length - 1).Append(' ');
                continue;
            }

            builder.Append(line);
            yield return (builder.ToString(), start);
            builder.Clear();
        }

        if (builder.Length > 0)
        {
            yield return (builder.ToString(), start);
        }
    }

    /// <summary>A comment starts with <c>#</c> at the start of the line or after whitespace.</summary>
    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static string? IncludeTarget(string option)
    {
        foreach (var prefix in new[] { "--requirement=", "--requirement ", "-r ", "-r" })
        {
            if (option.StartsWith(prefix, StringComparison.Ordinal))
            {
                var target = option[prefix.Length..].Trim();
                return target.Length == 0 ? null : target;
            }
        }

        return null;
    }

    private static string Normalize(string path) => Path.GetFullPath(path, "/");

    internal static (string Name, string Version)? ParseRequirement(string requirement)
    {
        if (requirement.Contains("://", StringComparison.Ordinal) || requirement[0] is '.' or '/' || requirement.Contains(" @ ", StringComparison.Ordinal) || requirement.Contains("@ ", StringComparison.Ordinal))
        {
            return null;
        }

        // Per-requirement options (--hash, -C, --config-settings, --global-option) end the requirement.
        var optionAt = OptionStart(requirement);
        if (optionAt >= 0)
        {
            requirement = requirement[..optionAt];
        }

        var marker = requirement.IndexOf(';', StringComparison.Ordinal);
        if (marker >= 0)
        {
            requirement = requirement[..marker];
        }

        requirement = requirement.Trim();
        var operatorAt = requirement.IndexOfAny(['=', '<', '>', '!', '~']);
        var namePart = operatorAt < 0 ? requirement : requirement[..operatorAt];
        var bracket = namePart.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            if (namePart.IndexOf(']', bracket) < 0)
            {
                return null;
            }

            namePart = namePart[..bracket];
        }

        var name = namePart.Trim();
        if (!IsValidName(name))
        {
            return null;
        }

        if (operatorAt < 0)
        {
            return (name, "");
        }

        var constraint = requirement[operatorAt..].Trim();
        if (constraint.Contains(',', StringComparison.Ordinal))
        {
            return (name, "");
        }

        var opLength = 0;
        while (opLength < constraint.Length && constraint[opLength] is '=' or '<' or '>' or '!' or '~')
        {
            opLength++;
        }

        var op = constraint[..opLength];
        var version = constraint[opLength..].Trim();
        if (op is not ("==" or "===" or ">=" or "<=" or "~=" or ">" or "<" or "!="))
        {
            return null;
        }

        if (version.Length == 0 || version.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        return op == "!=" || version.Contains('*', StringComparison.Ordinal) ? (name, "") : (name, version);
    }

    private static int OptionStart(string requirement)
    {
        for (var i = 1; i < requirement.Length - 1; i++)
        {
            if (requirement[i] == '-' && char.IsWhiteSpace(requirement[i - 1]) && (requirement[i + 1] == '-' || char.IsAsciiLetter(requirement[i + 1])))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>PEP 508 names: letters and digits, with <c>.</c>, <c>-</c> and <c>_</c> inside.</summary>
    private static bool IsValidName(string name) =>
        name.Length > 0 && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
