using System.Buffers;

namespace Shipgate.Secrets.Rules;

/// <summary>What the generic assignment patterns (SEC177, SEC178) can capture through one keyword hit.</summary>
internal enum HitAssignment
{
    /// <summary>No match of the pattern can run through the hit: no assignment follows the key.</summary>
    None,

    /// <summary>A match may run through it, but the reader does not decide (a key longer than the look-behind reaches).</summary>
    Unknown,

    /// <summary>Every match through the hit captures the same key and value, given in <see cref="AssignmentSpans"/>.</summary>
    Read,
}

/// <summary>The key (the whole run of key characters around the hit), the value and whether it was quoted.</summary>
internal readonly record struct AssignmentSpans(int KeyStart, int KeyEnd, int ValueStart, int ValueLength, bool Quoted);

/// <content>
/// Reading an assignment at a keyword hit the way the generic patterns do, so a rule can judge the hit before any
/// window or regex run.
/// </content>
public sealed partial class GenericSecretAssignment
{
    /// <summary>Key characters the patterns' look-behind accepts before the keyword.</summary>
    private const int MaxKeyPrefix = 40;

    /// <summary>
    /// Reads the assignment that follows the key around a keyword hit, step by step as the generic patterns match it:
    /// the rest of the key (at most <paramref name="maxKeyTail"/> key characters, <c>[A-Za-z0-9_.-]</c>), an optional
    /// closing quote, up to three blanks, <c>:=</c>, <c>=&gt;</c>, <c>=</c>, <c>:</c> or blanks then <c>value=</c>, up
    /// to three blanks, then a quoted value (no blank or quote inside, closed by the same quote) or an unquoted one (up to
    /// a blank, quote, <c>;</c>, <c>,</c> or <c>&amp;</c>, not followed by a quote and <c>+</c>, <c>.</c> or <c>&amp;</c>).
    /// </summary>
    /// <remarks>
    /// Every match of the pattern that runs through the hit has the same key (the look-behind and the key tail both take
    /// whole runs of key characters) and the same value (the operator alternatives the pattern could also take leave a
    /// value starting with <c>=</c> or <c>&gt;</c>, which both rules reject as code). So when this returns
    /// <see cref="HitAssignment.Read"/>, the rule's verdict on the spans is its verdict on every such match.
    /// </remarks>
    internal static HitAssignment ReadAssignment(ReadOnlySpan<char> text, int offset, int keywordLength, int maxKeyTail, int maxValue, out AssignmentSpans spans)
    {
        spans = default;
        var position = offset + keywordLength;
        var limit = Math.Min(text.Length, position + maxKeyTail + 1);
        while (position < limit && IsKeyChar(text[position]))
        {
            position++;
        }

        if (position == limit && limit < text.Length)
        {
            return HitAssignment.None; // a longer key than the pattern allows
        }

        var keyEnd = position;
        if (position < text.Length && text[position] is '"' or '\'')
        {
            position++;
        }

        var afterKey = position;
        position = SkipBlanks(text, position);
        var blanks = position - afterKey;
        if (position >= text.Length)
        {
            return HitAssignment.None;
        }

        var operatorStart = text[position];
        if (blanks <= 3 && operatorStart is ':' or '=')
        {
            var pair = position + 1 < text.Length && ((operatorStart == ':' && text[position + 1] == '=') || (operatorStart == '=' && text[position + 1] == '>'));
            position += pair ? 2 : 1;
        }
        else if (blanks > 0 && text[position..].StartsWith("value", StringComparison.Ordinal))
        {
            position = SkipBlanks(text, position + 5);
            if (position >= text.Length || text[position] != '=')
            {
                return HitAssignment.None;
            }

            position++;
        }
        else
        {
            return HitAssignment.None;
        }

        var afterOperator = position;
        position = SkipBlanks(text, position);
        if (position - afterOperator > 3 || position >= text.Length)
        {
            return HitAssignment.None;
        }

        var first = text[position];
        int valueStart;
        int valueEnd;
        bool quoted;
        if (first is '"' or '\'' or '`')
        {
            valueStart = position + 1;
            valueEnd = ValueEnd(text, valueStart, Math.Min(text.Length, valueStart + maxValue + 1), QuotedValueEnds);

            if (valueEnd == valueStart || valueEnd - valueStart > maxValue || valueEnd >= text.Length || text[valueEnd] != first)
            {
                return HitAssignment.None;
            }

            quoted = true;
        }
        else
        {
            valueStart = position;
            valueEnd = ValueEnd(text, valueStart, Math.Min(text.Length, valueStart + maxValue), UnquotedValueEnds);

            if (valueEnd == valueStart || IsConcatenated(text, valueEnd))
            {
                return HitAssignment.None;
            }

            quoted = false;
        }

        // Only now the start of the key: most hits have no assignment after them and never get here.
        var keyStart = offset;
        while (keyStart > 0 && IsKeyChar(text[keyStart - 1]))
        {
            keyStart--;
        }

        spans = new AssignmentSpans(keyStart, keyEnd, valueStart, valueEnd - valueStart, quoted);
        return offset - keyStart > MaxKeyPrefix ? HitAssignment.Unknown : HitAssignment.Read;
    }

    /// <summary>Every <see cref="char.IsWhiteSpace(char)"/> character, as the patterns' <c>\s</c>; listed once for both value ends below.</summary>
    private static readonly string WhiteSpace = WhiteSpaceCharacters();

    /// <summary>Where a quoted value stops: white space or a quote.</summary>
    private static readonly SearchValues<char> QuotedValueEnds = SearchValues.Create(WhiteSpace + "\"'`");

    /// <summary>Where an unquoted value stops: white space, a quote, <c>;</c>, <c>,</c> or <c>&amp;</c>.</summary>
    private static readonly SearchValues<char> UnquotedValueEnds = SearchValues.Create(WhiteSpace + "\"'`;,&");

    private static string WhiteSpaceCharacters()
    {
        var spaces = new System.Text.StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsWhiteSpace((char)c))
            {
                spaces.Append((char)c);
            }
        }

        return spaces.ToString();
    }

    /// <summary>The first position in [<paramref name="start"/>, <paramref name="stop"/>) holding one of <paramref name="ends"/>, or <paramref name="stop"/> (one vectorised search).</summary>
    private static int ValueEnd(ReadOnlySpan<char> text, int start, int stop, SearchValues<char> ends)
    {
        var found = text[start..stop].IndexOfAny(ends);
        return found < 0 ? stop : start + found;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    /// <summary>The position after the spaces and tabs at <paramref name="position"/>.</summary>
    /// <remarks>
    /// Returns the position rather than moving a <c>ref</c> one: a local whose address is taken lives in memory, and the
    /// reader's loops then stored and reloaded it at every character.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static int SkipBlanks(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }

    /// <summary>An unquoted value followed by a quote and <c>+</c>, <c>.</c> or <c>&amp;</c>: the patterns' negative look-ahead.</summary>
    private static bool IsConcatenated(ReadOnlySpan<char> text, int valueEnd)
    {
        if (valueEnd >= text.Length || text[valueEnd] is not ('"' or '\'' or '`'))
        {
            return false;
        }

        var position = SkipBlanks(text, valueEnd + 1);
        return position < text.Length && text[position] is '+' or '.' or '&';
    }
}
