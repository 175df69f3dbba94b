namespace Shipgate.Core;

/// <summary>
/// One line of a <c>.gitignore</c> or <c>info/exclude</c> file, parsed the way git parses it
/// (https://git-scm.com/docs/gitignore). Created by <see cref="IgnoreRules"/> when it reads a file; matched against paths
/// relative to the directory that holds the file. Immutable and thread-safe.
/// </summary>
internal sealed class GitIgnorePattern
{
    private readonly WildcardPattern matcher;

    private GitIgnorePattern(string text, int line, bool negated, bool directoryOnly, bool matchesBasename, WildcardPattern matcher)
    {
        Text = text;
        Line = line;
        Negated = negated;
        DirectoryOnly = directoryOnly;
        MatchesBasename = matchesBasename;
        this.matcher = matcher;
    }

    /// <summary>The line as written, after trailing-space trimming.</summary>
    public string Text { get; }

    /// <summary>1-based line number in the file it came from.</summary>
    public int Line { get; }

    /// <summary>A <c>!</c> pattern: a match re-includes the path.</summary>
    public bool Negated { get; }

    /// <summary>The pattern ended with <c>/</c>, so it matches directories only.</summary>
    public bool DirectoryOnly { get; }

    /// <summary>The pattern has no slash (other than a trailing one), so it matches the last path segment at any depth.</summary>
    public bool MatchesBasename { get; }

    /// <summary>Parses one line; returns null for blank lines and comments, which git skips.</summary>
    public static GitIgnorePattern? Parse(string line, int lineNumber)
    {
        if (line.EndsWith('\r'))
        {
            line = line[..^1];
        }

        line = TrimTrailingSpaces(line);
        if (line.Length == 0 || line[0] == '#')
        {
            return null;
        }

        var body = line.AsSpan();
        var negated = false;
        if (body[0] == '!')
        {
            negated = true;
            body = body[1..];
        }

        var directoryOnly = false;
        if (body.Length > 0 && body[^1] == '/')
        {
            directoryOnly = true;
            body = body[..^1];
        }

        var matchesBasename = !body.Contains('/');
        if (!matchesBasename && body.Length > 0 && body[0] == '/')
        {
            body = body[1..];
        }

        // git drops a malformed pattern silently (an unclosed class, a lone trailing backslash): it never matches.
        _ = WildcardPattern.TryParse(body.ToString(), WildcardSyntax.GitIgnore, ignoreCase: false, out var matcher, out _);
        return new GitIgnorePattern(line, lineNumber, negated, directoryOnly, matchesBasename, matcher);
    }

    /// <summary>
    /// Whether the pattern matches <paramref name="path"/>, which is relative to the directory of the file the pattern came
    /// from (forward slashes, no leading slash). A match of a negated pattern means "not ignored".
    /// </summary>
    public bool IsMatch(ReadOnlySpan<char> path, bool isDirectory)
    {
        if (DirectoryOnly && !isDirectory)
        {
            return false;
        }

        if (MatchesBasename)
        {
            var slash = path.LastIndexOf('/');
            return matcher.IsMatch(slash < 0 ? path : path[(slash + 1)..]);
        }

        return matcher.IsMatch(path);
    }

    public override string ToString() => Text;

    /// <summary>Removes unescaped trailing spaces (only spaces: tabs stay). A space after a backslash is kept.</summary>
    private static string TrimTrailingSpaces(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ')
        {
            end--;
        }

        if (end == line.Length)
        {
            return line;
        }

        // The first trailing space survives when an odd run of backslashes escapes it.
        var backslashes = 0;
        for (var i = end - 1; i >= 0 && line[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1 ? line[..(end + 1)] : line[..end];
    }
}
