using System.Globalization;
using Shipgate.Core;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// Go's <c>go.mod</c>: <c>require</c> directives with <c>replace</c> applied, plus the Go toolchain as the
/// <c>stdlib</c> package. Before Go 1.17 a go.mod does not list indirect dependencies, so the <c>go.sum</c> beside it
/// is read for them (<c>x.mod</c> pairs with <c>x.sum</c>). Versions lose their leading <c>v</c>.
/// </summary>
public sealed class GoModParser(IFileReader files) : ILockfileParser
{
    private static readonly HashSet<string> KnownDirectives = new(StringComparer.Ordinal)
    {
        "module", "go", "toolchain", "require", "replace", "exclude", "retract", "godebug", "tool", "ignore",
    };

    public string Format => "go.mod";

    private sealed record Requirement(string Path, string Version, int Line, bool Indirect);

    private sealed record Replacement(string OldPath, string? OldVersion, string NewPath, string NewVersion);

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var requirements = new List<Requirement>();
        var replacements = new List<Replacement>();
        string? goVersion = null;
        var goLine = 0;
        string? toolchain = null;
        var toolchainLine = 0;
        string? block = null;
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var (text, comment) = SplitComment(lines[i].TrimEnd('\r'));
            var tokens = Tokenize(text, lineNumber);
            if (tokens.Count == 0)
            {
                continue;
            }

            if (block is not null)
            {
                if (tokens is [")"])
                {
                    block = null;
                    continue;
                }

                Directive(block, tokens, comment, lineNumber);
                continue;
            }

            if (!KnownDirectives.Contains(tokens[0]))
            {
                throw new InputFormatException($"Unknown go.mod directive '{tokens[0]}'.", lineNumber, 1);
            }

            if (tokens.Count == 2 && tokens[1] == "(")
            {
                block = tokens[0];
                continue;
            }

            Directive(tokens[0], tokens.GetRange(1, tokens.Count - 1), comment, lineNumber);
        }

        if (block is not null)
        {
            throw new InputFormatException($"The '{block} (' block is not closed with ')'.", lines.Length, 1);
        }

        var packages = new List<Package>();
        var seen = new HashSet<(string, string)>();
        foreach (var requirement in requirements)
        {
            var (name, version) = Replace(requirement.Path, requirement.Version, replacements);
            if (seen.Add((name, version)))
            {
                packages.Add(new Package(name, version, Ecosystem.Go, path, requirement.Line) { Direct = !requirement.Indirect });
            }
        }

        if (goVersion is not null && IsBefore117(goVersion))
        {
            AddGoSum(path, replacements, packages, seen);
        }

        if ((toolchain ?? goVersion) is { } stdlib)
        {
            packages.Add(new Package("stdlib", stdlib, Ecosystem.Go, path, toolchain is null ? goLine : toolchainLine));
        }

        return packages;

        void Directive(string verb, List<string> args, string comment, int line)
        {
            switch (verb)
            {
                case "go" when args.Count == 1:
                    goVersion = args[0];
                    goLine = line;
                    break;
                case "toolchain" when args.Count == 1:
                    var name = args[0].StartsWith("go", StringComparison.Ordinal) ? args[0][2..] : args[0];
                    var dash = name.IndexOfAny(['-', '+']);
                    toolchain = dash < 0 ? name : name[..dash];
                    toolchainLine = line;
                    break;
                case "require" when args.Count == 2:
                    requirements.Add(new Requirement(args[0], TrimV(args[1]), line, comment.Contains("indirect", StringComparison.Ordinal)));
                    break;
                case "replace":
                    var arrow = args.IndexOf("=>");
                    if (arrow is not (1 or 2) || args.Count - arrow - 1 is not (1 or 2))
                    {
                        throw new InputFormatException("A replace directive must look like 'old [version] => new [version]'.", line, 1);
                    }

                    replacements.Add(new Replacement(args[0], arrow == 2 ? TrimV(args[1]) : null, args[arrow + 1], args.Count - arrow - 1 == 2 ? TrimV(args[^1]) : ""));
                    break;
                case "require" or "go" or "toolchain":
                    throw new InputFormatException($"Malformed '{verb}' directive.", line, 1);
            }
        }
    }

    private static (string Name, string Version) Replace(string modulePath, string version, List<Replacement> replacements)
    {
        var match = replacements.LastOrDefault(r => r.OldPath == modulePath && r.OldVersion == version)
            ?? replacements.LastOrDefault(r => r.OldPath == modulePath && r.OldVersion is null);
        return match is null ? (modulePath, version) : (match.NewPath, match.NewVersion);
    }

    private void AddGoSum(string path, List<Replacement> replacements, List<Package> packages, HashSet<(string, string)> seen)
    {
        // go.mod → go.sum; a renamed module file (x.mod) keeps its checksums in x.sum.
        var sumPath = Path.ChangeExtension(path, ".sum");
        if (files.TryRead(sumPath) is not { } sum)
        {
            return;
        }

        foreach (var raw in sum.Split('\n'))
        {
            var fields = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 3 || fields[1].EndsWith("/go.mod", StringComparison.Ordinal) || !fields[2].StartsWith("h1:", StringComparison.Ordinal))
            {
                continue;
            }

            var (name, version) = Replace(fields[0], TrimV(fields[1]), replacements);
            if (seen.Add((name, version)))
            {
                packages.Add(new Package(name, version, Ecosystem.Go, path, null) { Direct = false });
            }
        }
    }

    private static bool IsBefore117(string goVersion)
    {
        var parts = goVersion.Split('.');
        return parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(new string(parts[1].TakeWhile(char.IsAsciiDigit).ToArray()), NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            && (major < 1 || (major == 1 && minor < 17));
    }

    private static string TrimV(string version) => version.StartsWith('v') ? version[1..] : version;

    private static (string Text, string Comment) SplitComment(string line)
    {
        var inQuote = false;
        for (var i = 0; i < line.Length - 1; i++)
        {
            if (line[i] is '"' or '`')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && line[i] == '/' && line[i + 1] == '/')
            {
                return (line[..i], line[(i + 2)..]);
            }
        }

        return (line, "");
    }

    /// <summary>Whitespace-separated tokens; <c>"quoted"</c> and <c>`raw`</c> module paths are unquoted.</summary>
    private static List<string> Tokenize(string text, int line)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (text[i] is '"' or '`')
            {
                var close = text.IndexOf(text[i], i + 1);
                if (close < 0)
                {
                    throw new InputFormatException("Unterminated quoted string.", line, i + 1);
                }

                tokens.Add(text[(i + 1)..close]);
                i = close + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }
}
