using System.Globalization;
using System.Numerics;
using System.Text;

namespace Shipgate.Dependencies.Versions;

/// <summary>
/// Packagist (Composer) ordering, which is PHP's <c>version_compare</c>: a leading <c>v</c> is dropped; <c>-</c>,
/// <c>_</c> and <c>+</c> become dots and a dot is inserted at every digit/non-digit transition; parts then compare
/// numerically when both are numbers, and otherwise by their special form: any other word &lt; <c>dev</c> &lt;
/// <c>alpha</c> = <c>a</c> &lt; <c>beta</c> = <c>b</c> &lt; <c>RC</c> = <c>rc</c> &lt; a number &lt; <c>pl</c> =
/// <c>p</c> (matched by prefix, as PHP does). When one version has parts left, a number there makes it greater and a
/// word is compared with "a number".
/// </summary>
public sealed class PackagistComparer : IVersionComparer
{
    private const int MaxLength = 512;

    /// <summary>Stands for "a number" in the special-form order, as PHP's <c>#N#</c>.</summary>
    private const string NumberForm = "#N#";

    public Ecosystem Ecosystem => Ecosystem.Packagist;

    public int Compare(string? x, string? y) => CompareVersions(Prepare(x), Prepare(y));

    private static string Prepare(string? version)
    {
        var text = (version ?? "").Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        return text.Length > 1 && text[0] is 'v' or 'V' && char.IsAsciiDigit(text[1]) ? text[1..] : text;
    }

    private static int CompareVersions(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return (a.Length == 0 ? 0 : 1) - (b.Length == 0 ? 0 : 1);
        }

        var left = (a[0] == '#' ? a : Canonicalize(a)).Split('.');
        var right = (b[0] == '#' ? b : Canonicalize(b)).Split('.');
        var i = 0;
        for (; i < left.Length && i < right.Length; i++)
        {
            var p = left[i];
            var q = right[i];
            var pNumeric = p.Length > 0 && char.IsAsciiDigit(p[0]);
            var qNumeric = q.Length > 0 && char.IsAsciiDigit(q[0]);
            var result = (pNumeric, qNumeric) switch
            {
                (true, true) => LeadingNumber(p).CompareTo(LeadingNumber(q)),
                (false, false) => SpecialForm(p).CompareTo(SpecialForm(q)),
                (true, false) => SpecialForm(NumberForm).CompareTo(SpecialForm(q)),
                (false, true) => SpecialForm(p).CompareTo(SpecialForm(NumberForm)),
            };
            if (result != 0)
            {
                return Math.Sign(result);
            }
        }

        if (i < left.Length)
        {
            var rest = string.Join('.', left[i..]);
            return rest.Length > 0 && char.IsAsciiDigit(rest[0]) ? 1 : CompareVersions(rest, NumberForm);
        }

        if (i < right.Length)
        {
            var rest = string.Join('.', right[i..]);
            return rest.Length > 0 && char.IsAsciiDigit(rest[0]) ? -1 : CompareVersions(NumberForm, rest);
        }

        return 0;
    }

    /// <summary>PHP's <c>php_canonicalize_version</c>.</summary>
    private static string Canonicalize(string version)
    {
        var builder = new StringBuilder(version.Length * 2);
        builder.Append(version[0]);
        var previous = version[0];
        for (var i = 1; i < version.Length; i++)
        {
            var c = version[i];
            var last = builder[^1];
            if (c is '-' or '_' or '+')
            {
                if (last != '.')
                {
                    builder.Append('.');
                }
            }
            else if ((IsNonDigit(previous) && IsDigit(c)) || (IsDigit(previous) && IsNonDigit(c)))
            {
                if (last != '.')
                {
                    builder.Append('.');
                }

                builder.Append(c);
            }
            else
            {
                builder.Append(c);
            }

            previous = c;
        }

        return builder.ToString();
    }

    private static bool IsDigit(char c) => char.IsAsciiDigit(c);

    private static bool IsNonDigit(char c) => !char.IsAsciiDigit(c) && c != '.';

    /// <summary>Like <c>strtol</c>: the leading digits.</summary>
    private static BigInteger LeadingNumber(string part)
    {
        var end = 0;
        while (end < part.Length && char.IsAsciiDigit(part[end]))
        {
            end++;
        }

        return BigInteger.Parse(part.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>PHP's <c>compare_special_version_forms</c> order, matched by prefix in PHP's list order; unknown words are -1.</summary>
    private static int SpecialForm(string form)
    {
        foreach (var (name, order) in Forms)
        {
            if (form.StartsWith(name, StringComparison.Ordinal))
            {
                return order;
            }
        }

        return -1;
    }

    private static readonly (string Name, int Order)[] Forms =
    [
        ("dev", 0), ("alpha", 1), ("a", 1), ("beta", 2), ("b", 2), ("RC", 3), ("rc", 3), ("#", 4), ("pl", 5), ("p", 5),
    ];
}
