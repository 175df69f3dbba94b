namespace Shipgate.Dependencies.Versions;

/// <summary>
/// Alpine package ordering, as apk-tools compares versions: <c>number{.number}[letter]{_suffix[number]}[-rN]</c>.
/// Numbers after a dot with leading zeros compare as decimal fractions (<c>1.01 &lt; 1.1</c>); a letter follows the
/// numbers (<c>1.2a &gt; 1.2</c>); the pre-release suffixes <c>_alpha &lt; _beta &lt; _pre &lt; _rc</c> sort before the
/// bare version and the post-release suffixes <c>_cvs &lt; _svn &lt; _git &lt; _hg &lt; _p</c> after it; <c>-rN</c>
/// is the package revision. A longer version is greater unless what it adds is a pre-release suffix. Text apk would
/// reject stops the comparison where it becomes invalid, so every input still gets a deterministic answer.
/// </summary>
public sealed class ApkComparer : IVersionComparer
{
    private const int MaxLength = 512;

    private static readonly string[] PreSuffixes = ["alpha", "beta", "pre", "rc"];

    private static readonly string[] PostSuffixes = ["cvs", "svn", "git", "hg", "p"];

    public Ecosystem Ecosystem => Ecosystem.Alpine;

    private enum Token
    {
        Invalid = -1,
        DigitOrZero,
        Digit,
        Letter,
        Suffix,
        SuffixNumber,
        RevisionNumber,
        End,
    }

    public int Compare(string? x, string? y)
    {
        var a = new Cursor(Trim(x));
        var b = new Cursor(Trim(y));
        var at = Token.Digit;
        var bt = Token.Digit;
        long av = 0;
        long bv = 0;
        while (at == bt && at is not Token.End and not Token.Invalid && av == bv)
        {
            av = GetToken(ref at, a);
            bv = GetToken(ref bt, b);
        }

        if (av != bv)
        {
            return av < bv ? -1 : 1;
        }

        if (at == bt)
        {
            return 0;
        }

        var probe = at;
        if (at == Token.Suffix && GetToken(ref probe, a.Copy()) < 0)
        {
            return -1;
        }

        probe = bt;
        if (bt == Token.Suffix && GetToken(ref probe, b.Copy()) < 0)
        {
            return 1;
        }

        return at > bt ? -1 : bt > at ? 1 : 0;
    }

    private static string Trim(string? version)
    {
        var text = (version ?? "").Trim();
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }

    private sealed class Cursor(string text, int position = 0)
    {
        public string Text { get; } = text;

        public int Position { get; set; } = position;

        public int Remaining => Text.Length - Position;

        public char Peek(int offset = 0) => Position + offset < Text.Length ? Text[Position + offset] : '\0';

        public Cursor Copy() => new(Text, Position);
    }

    private static long GetToken(ref Token type, Cursor blob)
    {
        if (blob.Remaining <= 0)
        {
            type = Token.End;
            return 0;
        }

        long value = 0;
        var length = 0;
        var nextType = Token.Invalid;
        switch (type)
        {
            case Token.DigitOrZero when blob.Peek() == '0':
                while (length < blob.Remaining && blob.Peek(length) == '0')
                {
                    length++;
                }

                nextType = Token.Digit;
                value = -length;
                break;
            case Token.DigitOrZero:
            case Token.Digit:
            case Token.SuffixNumber:
            case Token.RevisionNumber:
                while (length < blob.Remaining && char.IsAsciiDigit(blob.Peek(length)))
                {
                    value = length < 18 ? (value * 10) + (blob.Peek(length) - '0') : value;
                    length++;
                }

                break;
            case Token.Letter:
                value = blob.Peek();
                length = 1;
                break;
            case Token.Suffix:
                var rest = blob.Text[blob.Position..];
                var pre = Array.FindIndex(PreSuffixes, s => rest.StartsWith(s, StringComparison.Ordinal));
                if (pre >= 0)
                {
                    value = pre - PreSuffixes.Length;
                    length = PreSuffixes[pre].Length;
                    break;
                }

                var post = Array.FindIndex(PostSuffixes, s => rest.StartsWith(s, StringComparison.Ordinal));
                if (post >= 0)
                {
                    value = post;
                    length = PostSuffixes[post].Length;
                    break;
                }

                type = Token.Invalid;
                return -1;
            default:
                type = Token.Invalid;
                return -1;
        }

        blob.Position += length;
        if (blob.Remaining == 0)
        {
            type = Token.End;
        }
        else if (nextType != Token.Invalid)
        {
            type = nextType;
        }
        else
        {
            NextToken(ref type, blob);
        }

        return value;
    }

    private static void NextToken(ref Token type, Cursor blob)
    {
        var next = Token.Invalid;
        var c = blob.Peek();
        if (blob.Remaining == 0 || c == '\0')
        {
            next = Token.End;
        }
        else if (type is Token.Digit or Token.DigitOrZero && char.IsAsciiLetterLower(c))
        {
            next = Token.Letter;
        }
        else if (type == Token.Letter && char.IsAsciiDigit(c))
        {
            next = Token.Digit;
        }
        else if (type == Token.Suffix && char.IsAsciiDigit(c))
        {
            next = Token.SuffixNumber;
        }
        else
        {
            switch (c)
            {
                case '.':
                    next = Token.DigitOrZero;
                    break;
                case '_':
                    next = Token.Suffix;
                    break;
                case '-' when blob.Peek(1) == 'r':
                    next = Token.RevisionNumber;
                    blob.Position++;
                    break;
            }

            blob.Position++;
        }

        if (next < type
            && !((next == Token.DigitOrZero && type == Token.Digit)
                 || (next == Token.Suffix && type == Token.SuffixNumber)
                 || (next == Token.Digit && type == Token.Letter)))
        {
            next = Token.Invalid;
        }

        type = next;
    }
}
