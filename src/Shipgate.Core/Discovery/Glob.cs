using System.Diagnostics.CodeAnalysis;

namespace Shipgate.Core;

/// <summary>
/// A compiled path glob for configuration excludes and ignore entries, matched against relative paths with forward slashes.
/// <list type="bullet">
/// <item><c>*</c> and <c>?</c> stay within one path segment; <c>**</c> crosses slashes, and <c>**/</c> also matches no directory
/// at all (<c>a/**/b</c> matches <c>a/b</c>); <c>[a-z]</c>, <c>[!a-z]</c>, <c>{a,b}</c> (nestable) and backslash escapes work as in a shell.</item>
/// <item>Like a <c>.gitignore</c> line, a pattern without a slash matches the last segment at any depth (<c>*.min.js</c> matches
/// <c>a/b/c.min.js</c>), a pattern with a slash is anchored at the root (a leading <c>/</c> or <c>./</c> is dropped), and a
/// trailing slash matches directories only.</item>
/// <item>A match on a directory covers everything beneath it: <c>vendor</c>, <c>vendor/</c> and <c>vendor/**</c> all match
/// <c>vendor/lib/a.js</c>.</item>
/// </list>
/// Matching is ordinal and case-sensitive unless compiled with <c>ignoreCase</c>. Created by configuration loading and
/// <see cref="GlobSet"/>; used by file discovery. Immutable and thread-safe.
/// </summary>
public sealed partial class Glob
{
    private readonly Alternative[] alternatives;

    private Glob(string pattern, bool ignoreCase, Alternative[] alternatives)
    {
        Pattern = pattern;
        IgnoreCase = ignoreCase;
        this.alternatives = alternatives;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    public bool IgnoreCase { get; }

    /// <summary>Compiles <paramref name="pattern"/>.</summary>
    /// <exception cref="ArgumentException">The pattern is empty or malformed (an unclosed <c>[</c> or <c>{</c>, a lone trailing backslash).</exception>
    public static Glob Compile(string pattern, bool ignoreCase = false)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return TryCompile(pattern, ignoreCase, out var glob, out var error)
            ? glob
            : throw new ArgumentException($"Invalid glob '{pattern}': {error}.", nameof(pattern));
    }

    /// <summary>Compiles <paramref name="pattern"/>, or explains in <paramref name="error"/> why it cannot.</summary>
    public static bool TryCompile(string pattern, bool ignoreCase, [NotNullWhen(true)] out Glob? glob, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        glob = null;
        if (!TryExpandBraces(pattern, out var expanded, out error))
        {
            return false;
        }

        var alternatives = new List<Alternative>(expanded.Count);
        foreach (var text in expanded)
        {
            if (!TryCompileAlternative(text, ignoreCase, alternatives, out error))
            {
                return false;
            }
        }

        glob = new Glob(pattern, ignoreCase, [.. alternatives]);
        error = null;
        return true;
    }

    /// <summary>
    /// Whether the glob matches <paramref name="relativePath"/> or one of the directories above it.
    /// A leading <c>./</c> or <c>/</c> on the path is ignored.
    /// </summary>
    public bool IsMatch(string relativePath, bool isDirectory = false)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = TrimPathStart(relativePath);
        for (var slash = path.IndexOf('/'); slash >= 0; slash = NextSlash(path, slash))
        {
            if (slash > 0 && IsMatchHere(path[..slash], isDirectory: true))
            {
                return true;
            }
        }

        return path.Length > 0 && IsMatchHere(path, isDirectory);
    }

    public override string ToString() => Pattern;

    /// <summary>Whether the glob matches the path itself, without looking at the directories above it (a walk prunes those).</summary>
    internal bool IsMatchHere(ReadOnlySpan<char> path, bool isDirectory)
    {
        foreach (var alternative in alternatives)
        {
            if (alternative.DirectoryOnly && !isDirectory)
            {
                continue;
            }

            var candidate = path;
            if (alternative.MatchesBasename)
            {
                var slash = path.LastIndexOf('/');
                candidate = slash < 0 ? path : path[(slash + 1)..];
            }

            if (alternative.Matcher.IsMatch(candidate))
            {
                return true;
            }
        }

        return false;
    }

    internal static ReadOnlySpan<char> TrimPathStart(string path)
    {
        var span = path.AsSpan();
        while (true)
        {
            if (span.StartsWith("./"))
            {
                span = span[2..];
            }
            else if (span.StartsWith("/"))
            {
                span = span[1..];
            }
            else
            {
                return span;
            }
        }
    }

    private static int NextSlash(ReadOnlySpan<char> path, int slash)
    {
        var next = path[(slash + 1)..].IndexOf('/');
        return next < 0 ? -1 : slash + 1 + next;
    }

    private static bool TryCompileAlternative(string text, bool ignoreCase, List<Alternative> into, [NotNullWhen(false)] out string? error)
    {
        var body = text.AsSpan();
        var anchored = false;
        while (body.StartsWith("./") || body.StartsWith("/"))
        {
            body = body[(body[0] == '.' ? 2 : 1)..];
            anchored = true;
        }

        var directoryOnly = false;
        while (body.Length > 0 && body[^1] == '/' && !(body.Length > 1 && body[^2] == '\\'))
        {
            body = body[..^1];
            directoryOnly = true;
        }

        if (body.Length == 0)
        {
            error = "the pattern is empty";
            return false;
        }

        anchored |= body.Contains('/');
        if (!WildcardPattern.TryParse(body.ToString(), WildcardSyntax.Glob, ignoreCase, out var matcher, out error))
        {
            return false;
        }

        into.Add(new Alternative(matcher, !anchored, directoryOnly));

        // "dir/**" also names the directory itself, so a walk can skip it without listing it.
        if (body.EndsWith("/**") && body.Length > 3 && body[^4] != '\\'
            && WildcardPattern.TryParse(body[..^3].ToString(), WildcardSyntax.Glob, ignoreCase, out var directory, out _))
        {
            into.Add(new Alternative(directory, MatchesBasename: false, DirectoryOnly: true));
        }

        return true;
    }

    private sealed record Alternative(WildcardPattern Matcher, bool MatchesBasename, bool DirectoryOnly);
}
