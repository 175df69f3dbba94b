using System.Diagnostics.CodeAnalysis;

namespace Shipgate.Core;

/// <summary>
/// A bracket expression such as <c>[a-z]</c>, <c>[!0-9]</c>, <c>[]x]</c> or <c>[[:digit:]_]</c>, with git's parsing rules:
/// <c>!</c> or <c>^</c> first negates, a <c>]</c> right after the opening bracket is a member, a backslash escapes the next
/// character, and the POSIX named classes test ASCII only. Immutable and thread-safe.
/// </summary>
internal sealed class CharClass
{
    private readonly bool negated;
    private readonly (char Low, char High)[] ranges;
    private readonly NamedClass named;

    private CharClass(bool negated, (char Low, char High)[] ranges, NamedClass named)
    {
        this.negated = negated;
        this.ranges = ranges;
        this.named = named;
    }

    [Flags]
    private enum NamedClass
    {
        None = 0,
        Alnum = 1 << 0,
        Alpha = 1 << 1,
        Blank = 1 << 2,
        Cntrl = 1 << 3,
        Digit = 1 << 4,
        Graph = 1 << 5,
        Lower = 1 << 6,
        Print = 1 << 7,
        Punct = 1 << 8,
        Space = 1 << 9,
        Upper = 1 << 10,
        Xdigit = 1 << 11,
    }

    /// <summary>Whether <paramref name="c"/> is in the class. The caller excludes the slash, which no class matches.</summary>
    public bool Matches(char c, bool ignoreCase)
    {
        var hit = Contains(c) || (ignoreCase && (Contains(char.ToLowerInvariant(c)) || Contains(char.ToUpperInvariant(c))));
        return hit != negated;
    }

    /// <summary>Parses the class that starts at <c>pattern[index] == '['</c> and moves <paramref name="index"/> past its <c>]</c>.</summary>
    public static bool TryParse(string pattern, ref int index, [NotNullWhen(true)] out CharClass? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        var i = index + 1;
        var negated = false;
        if (i < pattern.Length && pattern[i] is '!' or '^')
        {
            negated = true;
            i++;
        }

        var ranges = new List<(char Low, char High)>();
        var named = NamedClass.None;
        char? previous = null;
        var first = true;
        while (true)
        {
            if (i >= pattern.Length)
            {
                error = "character class is not closed with ']'";
                return false;
            }

            var c = pattern[i];
            if (c == ']' && !first)
            {
                i++;
                break;
            }

            first = false;
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length)
                {
                    error = "character class ends with a lone backslash";
                    return false;
                }

                previous = pattern[i + 1];
                ranges.Add((previous.Value, previous.Value));
                i += 2;
            }
            else if (c == '-' && previous is { } low && i + 1 < pattern.Length && pattern[i + 1] != ']')
            {
                var high = pattern[i + 1];
                i += 2;
                if (high == '\\')
                {
                    if (i >= pattern.Length)
                    {
                        error = "character class ends with a lone backslash";
                        return false;
                    }

                    high = pattern[i++];
                }

                ranges.Add((low, high));
                previous = null;
            }
            else if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
            {
                var close = pattern.IndexOf(']', i + 2);
                if (close < 0)
                {
                    error = "character class is not closed with ']'";
                    return false;
                }

                if (close - 1 < i + 2 || pattern[close - 1] != ':')
                {
                    // "[:" without a matching ":]" is an ordinary '['.
                    previous = '[';
                    ranges.Add(('[', '['));
                    i++;
                    continue;
                }

                var name = pattern.AsSpan(i + 2, close - 1 - (i + 2));
                var parsed = ParseName(name);
                if (parsed == NamedClass.None)
                {
                    error = $"unknown character class '[:{name}:]'";
                    return false;
                }

                named |= parsed;
                previous = null;
                i = close + 1;
            }
            else
            {
                previous = c;
                ranges.Add((c, c));
                i++;
            }
        }

        index = i;
        result = new CharClass(negated, [.. ranges], named);
        error = null;
        return true;
    }

    private bool Contains(char c)
    {
        foreach (var (low, high) in ranges)
        {
            if (c >= low && c <= high)
            {
                return true;
            }
        }

        return named != NamedClass.None && InNamed(c);
    }

    private bool InNamed(char c)
    {
        var ascii = c < 128;
        return (named.HasFlag(NamedClass.Alnum) && char.IsAsciiLetterOrDigit(c))
            || (named.HasFlag(NamedClass.Alpha) && char.IsAsciiLetter(c))
            || (named.HasFlag(NamedClass.Blank) && c is ' ' or '\t')
            || (named.HasFlag(NamedClass.Cntrl) && ascii && char.IsControl(c))
            || (named.HasFlag(NamedClass.Digit) && char.IsAsciiDigit(c))
            || (named.HasFlag(NamedClass.Graph) && c is > ' ' and < '\x7f')
            || (named.HasFlag(NamedClass.Lower) && char.IsAsciiLetterLower(c))
            || (named.HasFlag(NamedClass.Print) && c is >= ' ' and < '\x7f')
            || (named.HasFlag(NamedClass.Punct) && c is > ' ' and < '\x7f' && !char.IsAsciiLetterOrDigit(c))
            || (named.HasFlag(NamedClass.Space) && c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
            || (named.HasFlag(NamedClass.Upper) && char.IsAsciiLetterUpper(c))
            || (named.HasFlag(NamedClass.Xdigit) && char.IsAsciiHexDigit(c));
    }

    private static NamedClass ParseName(ReadOnlySpan<char> name) => name switch
    {
        "alnum" => NamedClass.Alnum,
        "alpha" => NamedClass.Alpha,
        "blank" => NamedClass.Blank,
        "cntrl" => NamedClass.Cntrl,
        "digit" => NamedClass.Digit,
        "graph" => NamedClass.Graph,
        "lower" => NamedClass.Lower,
        "print" => NamedClass.Print,
        "punct" => NamedClass.Punct,
        "space" => NamedClass.Space,
        "upper" => NamedClass.Upper,
        "xdigit" => NamedClass.Xdigit,
        _ => NamedClass.None,
    };
}
