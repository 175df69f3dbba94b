namespace Shipgate.Core;

/// <summary>
/// The ignore files that apply inside one git work tree: <c>info/exclude</c>, then a <c>.gitignore</c> per directory.
/// Paths are relative to the work-tree root, with forward slashes. A deeper file overrides a shallower one, a
/// <c>.gitignore</c> overrides <c>info/exclude</c>, and within a file the last matching line wins; a path inside an ignored
/// directory stays ignored whatever a negation says, as in git. Immutable: <see cref="WithIgnoreFile"/> and
/// <see cref="WithPatterns"/> return a new instance, so a directory walk can hand each directory its own rules. Thread-safe.
/// The user's global excludes file (<c>core.excludesFile</c>) is deliberately not read, so a scan does not depend on the
/// machine it runs on.
/// </summary>
public sealed class IgnoreRules
{
    private readonly IgnoreFile[] files;

    private IgnoreRules(IgnoreFile[] files) => this.files = files;

    /// <summary>No rules: nothing is ignored.</summary>
    public static IgnoreRules Empty { get; } = new([]);

    /// <summary>How many ignore files (with at least one pattern) the rules hold.</summary>
    public int FileCount => files.Length;

    /// <summary>
    /// The rules for <paramref name="workTreeRoot"/>: its <c>info/exclude</c> and the <c>.gitignore</c> files from the root
    /// down to <paramref name="relativeDirectory"/> (forward slashes, empty for the root), inclusive.
    /// </summary>
    public static IgnoreRules Load(string workTreeRoot, string relativeDirectory = "")
    {
        var rules = Empty;
        if (GitRepository.FindGitDirectories(workTreeRoot) is { } gitDirectories)
        {
            rules = rules.WithExcludeFile(Path.Join(gitDirectories.CommonDirectory, "info", "exclude"));
        }

        rules = rules.WithIgnoreFile("", Path.Join(workTreeRoot, ".gitignore"));
        var current = "";
        foreach (var segment in relativeDirectory.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.Length == 0 ? segment : current + "/" + segment;
            rules = rules.WithIgnoreFile(current, Path.Join(workTreeRoot, current, ".gitignore"));
        }

        return rules;
    }

    /// <summary>
    /// Adds the <c>.gitignore</c> at <paramref name="filePath"/>, whose patterns are relative to <paramref name="directory"/>
    /// (relative to the work-tree root, empty for the root). A missing or unreadable file adds nothing.
    /// </summary>
    public IgnoreRules WithIgnoreFile(string directory, string filePath) =>
        TryReadLines(filePath) is { } lines ? Add(directory, filePath, lines, IgnoreFileKind.GitIgnore) : this;

    /// <summary>Adds patterns given as text lines, as if they were a <c>.gitignore</c> in <paramref name="directory"/>.</summary>
    public IgnoreRules WithPatterns(string directory, IEnumerable<string> lines, string source = "<patterns>") =>
        Add(directory, source, lines, IgnoreFileKind.GitIgnore);

    /// <summary>
    /// Whether git would ignore <paramref name="relativePath"/>: true when the path or any directory above it is ignored.
    /// </summary>
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        if (files.Length == 0)
        {
            return false;
        }

        for (var slash = relativePath.IndexOf('/'); slash >= 0; slash = relativePath.IndexOf('/', slash + 1))
        {
            if (FindMatch(relativePath.AsSpan(0, slash), isDirectory: true) is { Pattern.Negated: false })
            {
                return true;
            }
        }

        return IsIgnoredHere(relativePath, isDirectory);
    }

    /// <summary>
    /// Whether the last matching pattern ignores the path itself, without looking at the directories above it.
    /// A directory walk that never enters ignored directories needs only this.
    /// </summary>
    internal bool IsIgnoredHere(ReadOnlySpan<char> relativePath, bool isDirectory) =>
        files.Length != 0 && FindMatch(relativePath, isDirectory) is { Pattern.Negated: false };

    /// <summary>The pattern that decides <paramref name="relativePath"/> (ignoring parent directories), or null when none matches.</summary>
    internal IgnoreMatch? FindMatch(ReadOnlySpan<char> relativePath, bool isDirectory)
    {
        for (var f = files.Length - 1; f >= 0; f--)
        {
            var file = files[f];
            ReadOnlySpan<char> inside;
            if (file.Directory.Length == 0)
            {
                inside = relativePath;
            }
            else if (relativePath.Length > file.Directory.Length
                && relativePath[file.Directory.Length] == '/'
                && relativePath.StartsWith(file.Directory, StringComparison.Ordinal))
            {
                inside = relativePath[(file.Directory.Length + 1)..];
            }
            else
            {
                continue;
            }

            for (var p = file.Patterns.Length - 1; p >= 0; p--)
            {
                if (file.Patterns[p].IsMatch(inside, isDirectory))
                {
                    return new IgnoreMatch(file.Source, file.Patterns[p]);
                }
            }
        }

        return null;
    }

    internal IgnoreRules WithExcludeFile(string filePath) =>
        TryReadLines(filePath) is { } lines ? Add("", filePath, lines, IgnoreFileKind.Exclude) : this;

    private IgnoreRules Add(string directory, string source, IEnumerable<string> lines, IgnoreFileKind kind)
    {
        directory = directory.Trim('/');
        var patterns = new List<GitIgnorePattern>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (GitIgnorePattern.Parse(line, number) is { } pattern)
            {
                patterns.Add(pattern);
            }
        }

        if (patterns.Count == 0)
        {
            return this;
        }

        // Keep files ordered by precedence (shallow before deep, info/exclude before .gitignore), so that
        // FindMatch can walk backwards and stop at the first hit whatever order the files were added in.
        var file = new IgnoreFile(directory, source, [.. patterns], kind);
        var index = files.Length;
        while (index > 0 && Compare(files[index - 1], file) > 0)
        {
            index--;
        }

        var result = new IgnoreFile[files.Length + 1];
        Array.Copy(files, result, index);
        result[index] = file;
        Array.Copy(files, index, result, index + 1, files.Length - index);
        return new IgnoreRules(result);
    }

    private static int Compare(IgnoreFile a, IgnoreFile b)
    {
        var byDepth = a.Depth.CompareTo(b.Depth);
        return byDepth != 0 ? byDepth : a.Kind.CompareTo(b.Kind);
    }

    private static string[]? TryReadLines(string filePath)
    {
        try
        {
            if (!File.Exists(filePath))
            {
                return null;
            }

            // Git reads ignore files as bytes and skips a UTF-8 byte-order mark; lines end at \n (a \r before it is dropped).
            var text = TextDecoder.Decode(File.ReadAllBytes(filePath));
            return text.Split('\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private enum IgnoreFileKind
    {
        Exclude,
        GitIgnore,
    }

    private sealed record IgnoreFile(string Directory, string Source, GitIgnorePattern[] Patterns, IgnoreFileKind Kind)
    {
        public int Depth { get; } = Directory.Length == 0 ? 0 : Directory.Count(c => c == '/') + 1;
    }
}

/// <summary>The pattern that decided a path, and the file it came from (for explanations and tests).</summary>
internal sealed record IgnoreMatch(string Source, GitIgnorePattern Pattern);
