using System.Diagnostics.CodeAnalysis;

namespace Shipgate.Core;

/// <summary>The two wildcard dialects that share one matcher.</summary>
internal enum WildcardSyntax
{
    /// <summary>
    /// git's rules: <c>**</c> is special only as a whole path segment (<c>**/</c> at the start or after a slash,
    /// or <c>/**</c> at the end) or right after the pattern's literal prefix (git's own quirk); anywhere else it is a
    /// plain <c>*</c>. A malformed pattern never matches.
    /// </summary>
    GitIgnore,

    /// <summary>Config globs: every <c>**</c> crosses slashes, and <c>**/</c> at a segment start also matches no directory. A malformed pattern is an error.</summary>
    Glob,
}

/// <summary>
/// One compiled wildcard pattern: <c>*</c>, <c>?</c>, <c>[...]</c> classes, <c>**</c> and backslash escapes, matched against
/// a path with forward slashes. <c>*</c>, <c>?</c> and classes never match a slash. Matching simulates the pattern as a small
/// automaton, so it takes at most pattern length times path length steps, with no backtracking and no timeout to tune.
/// Immutable and thread-safe.
/// </summary>
internal sealed class WildcardPattern
{
    /// <summary>Longer patterns are refused, so a hostile ignore file cannot make every match slow.</summary>
    public const int MaxLength = 4096;

    private const int StackLimit = 128;

    private readonly Token[] tokens;
    private readonly string literalPrefix;
    private readonly string? exact;
    private readonly string? suffix;
    private readonly StringComparison comparison;
    private readonly bool ignoreCase;

    private WildcardPattern(Token[] tokens, bool ignoreCase)
    {
        this.tokens = tokens;
        this.ignoreCase = ignoreCase;
        comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        var prefixLength = 0;
        while (prefixLength < tokens.Length && tokens[prefixLength].Kind == TokenKind.Literal)
        {
            prefixLength++;
        }

        literalPrefix = new string(tokens.Take(prefixLength).Select(t => t.Char).ToArray());
        if (prefixLength == tokens.Length)
        {
            exact = literalPrefix;
        }
        else if (tokens[0].Kind == TokenKind.Star && tokens.Skip(1).All(t => t.Kind == TokenKind.Literal))
        {
            suffix = new string(tokens.Skip(1).Select(t => t.Char).ToArray());
        }
    }

    /// <summary>A pattern that matches nothing, for malformed gitignore lines (git ignores them the same way).</summary>
    public static WildcardPattern Never { get; } = new([new Token(TokenKind.Never, '\0', null)], ignoreCase: false);

    /// <summary>Compiles <paramref name="pattern"/>; on failure returns false with a one-line reason.</summary>
    public static bool TryParse(string pattern, WildcardSyntax syntax, bool ignoreCase, out WildcardPattern result, [NotNullWhen(false)] out string? error)
    {
        result = Never;
        if (pattern.Length > MaxLength)
        {
            error = $"pattern is longer than {MaxLength} characters";
            return false;
        }

        var tokens = new List<Token>(pattern.Length);
        var firstSpecial = pattern.AsSpan().IndexOfAny("*?[\\");
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    tokens.Add(ReadStars(pattern, ref i, syntax, firstSpecial));
                    break;
                case '?':
                    tokens.Add(new Token(TokenKind.AnyChar, '\0', null));
                    i++;
                    break;
                case '[':
                    if (!CharClass.TryParse(pattern, ref i, out var charClass, out error))
                    {
                        return false;
                    }

                    tokens.Add(new Token(TokenKind.Class, '\0', charClass));
                    break;
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        error = "pattern ends with a lone backslash";
                        return false;
                    }

                    tokens.Add(new Token(TokenKind.Literal, pattern[i + 1], null));
                    i += 2;
                    break;
                default:
                    tokens.Add(new Token(TokenKind.Literal, c, null));
                    i++;
                    break;
            }
        }

        result = new WildcardPattern([.. tokens], ignoreCase);
        error = null;
        return true;
    }

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        if (exact is not null)
        {
            return text.Equals(exact, comparison);
        }

        if (suffix is not null)
        {
            // The star covers what precedes the suffix, and a star never matches a slash.
            return text.EndsWith(suffix, comparison) && !text[..^suffix.Length].Contains('/');
        }

        if (tokens[0].Kind == TokenKind.Never || !text.StartsWith(literalPrefix, comparison))
        {
            return false;
        }

        return Simulate(text);
    }

    private static Token ReadStars(string pattern, ref int i, WildcardSyntax syntax, int firstSpecial)
    {
        var start = i;
        while (i < pattern.Length && pattern[i] == '*')
        {
            i++;
        }

        if (i - start == 1)
        {
            return new Token(TokenKind.Star, '\0', null);
        }

        // git compares the literal prefix (up to the first special character) by itself and hands only the rest to its
        // wildcard matcher, so a "**" right after that prefix counts as the start of a pattern: "/a**" matches "ab/c".
        var atSegmentStart = start == 0 || pattern[start - 1] == '/' || (syntax == WildcardSyntax.GitIgnore && start == firstSpecial);
        var slashLength = i < pattern.Length && pattern[i] == '/' ? 1
            : i + 1 < pattern.Length && pattern[i] == '\\' && pattern[i + 1] == '/' ? 2
            : 0;
        if (atSegmentStart && slashLength > 0)
        {
            i += slashLength;
            return new Token(TokenKind.AnyDirectories, '\0', null);
        }

        var crossesSlashes = syntax == WildcardSyntax.Glob || (atSegmentStart && i == pattern.Length);
        return new Token(crossesSlashes ? TokenKind.StarStar : TokenKind.Star, '\0', null);
    }

    /// <summary>
    /// Runs the token list as an automaton over <paramref name="text"/>. State <c>k</c> means "tokens before k are matched".
    /// An <see cref="TokenKind.AnyDirectories"/> token (<c>(.*/)?</c>) needs a second flag for "inside the directories".
    /// </summary>
    private bool Simulate(ReadOnlySpan<char> text)
    {
        var n = tokens.Length;
        var size = 4 * (n + 1);
        Span<bool> buffer = size <= StackLimit ? stackalloc bool[size] : new bool[size];
        var current = buffer[..(n + 1)];
        var next = buffer.Slice(n + 1, n + 1);
        var currentInside = buffer.Slice(2 * (n + 1), n + 1);
        var nextInside = buffer.Slice(3 * (n + 1), n + 1);

        // The literal prefix was checked by the caller, so start right after it.
        var start = literalPrefix.Length;
        current[start] = true;
        Close(current);

        for (var position = start; position < text.Length; position++)
        {
            var c = text[position];
            next.Clear();
            nextInside.Clear();
            var any = false;
            for (var k = start; k < n; k++)
            {
                var at = current[k];
                if (!at && !currentInside[k])
                {
                    continue;
                }

                var token = tokens[k];
                switch (token.Kind)
                {
                    case TokenKind.Literal when at && Same(c, token.Char):
                    case TokenKind.AnyChar when at && c != '/':
                    case TokenKind.Class when at && c != '/' && token.Class!.Matches(c, ignoreCase):
                        next[k + 1] = any = true;
                        break;
                    case TokenKind.Star when at && c != '/':
                    case TokenKind.StarStar when at:
                        next[k] = any = true;
                        break;
                    case TokenKind.AnyDirectories:
                        nextInside[k] = any = true;
                        if (c == '/')
                        {
                            next[k + 1] = true;
                        }

                        break;
                }
            }

            if (!any)
            {
                return false;
            }

            Close(next);
            var swap = current;
            current = next;
            next = swap;
            swap = currentInside;
            currentInside = nextInside;
            nextInside = swap;
        }

        return current[n];
    }

    /// <summary>Adds the states reachable without reading a character: every star may match nothing.</summary>
    private void Close(Span<bool> states)
    {
        for (var k = 0; k < tokens.Length; k++)
        {
            if (states[k] && tokens[k].Kind is TokenKind.Star or TokenKind.StarStar or TokenKind.AnyDirectories)
            {
                states[k + 1] = true;
            }
        }
    }

    private bool Same(char c, char literal) =>
        c == literal || (ignoreCase && char.ToLowerInvariant(c) == char.ToLowerInvariant(literal));

    private enum TokenKind
    {
        Never,
        Literal,
        AnyChar,
        Class,

        /// <summary>Any run of characters other than a slash.</summary>
        Star,

        /// <summary>Any run of characters, slashes included.</summary>
        StarStar,

        /// <summary><c>**/</c>: nothing, or any run of characters that ends with a slash (zero or more whole directories).</summary>
        AnyDirectories,
    }

    private readonly record struct Token(TokenKind Kind, char Char, CharClass? Class);
}
