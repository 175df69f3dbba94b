using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Shipgate.Dependencies.Versions;

/// <summary>
/// PyPI ordering by PEP 440: epoch, release (trailing zeros ignored), pre-release (a &lt; b &lt; rc, with the spelling
/// variants alpha/beta/c/pre/preview), post-release (<c>.postN</c>, <c>-N</c>, <c>revN</c>), dev release, and local
/// version label. Text that is not a PEP 440 version is a legacy version, as pip used to treat it: it sorts before every
/// valid version and among its kind by the old setuptools rules.
/// </summary>
public sealed partial class Pep440Comparer : IVersionComparer
{
    public Ecosystem Ecosystem => Ecosystem.PyPI;

    [GeneratedRegex(
        """^v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)(?<pre>[-_.]?(?<pre_l>alpha|beta|preview|pre|rc|a|b|c)[-_.]?(?<pre_n>[0-9]+)?)?(?<post>-(?<post_n1>[0-9]+)|[-_.]?(?<post_l>post|rev|r)[-_.]?(?<post_n2>[0-9]+)?)?(?<dev>[-_.]?dev[-_.]?(?<dev_n>[0-9]+)?)?(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 250)]
    private static partial Regex Canonical { get; }

    [GeneratedRegex(@"(\d+|[a-z]+|\.|-)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex LegacyComponent { get; }

    /// <summary>Versions longer than this are compared as legacy text, so a hostile string costs little.</summary>
    private const int MaxLength = 256;

    public int Compare(string? x, string? y)
    {
        var a = Key.Of(x ?? "");
        var b = Key.Of(y ?? "");
        return a.CompareTo(b);
    }

    /// <summary>The sort key; a legacy version has epoch -1 and only <see cref="Legacy"/> parts.</summary>
    private sealed record Key(BigInteger Epoch, BigInteger[] Release, (int Rank, string Letter, BigInteger Number) Pre,
        (int Rank, BigInteger Number) Post, (int Rank, BigInteger Number) Dev, List<(bool Numeric, BigInteger Number, string Text)>? Local, string[]? Legacy)
        : IComparable<Key>
    {
        public static Key Of(string text)
        {
            var trimmed = text.Trim();
            var match = trimmed.Length <= MaxLength ? Canonical.Match(trimmed) : Match.Empty;
            if (!match.Success)
            {
                return new Key(-1, [], default, default, default, null, LegacyParts(trimmed.ToLowerInvariant()));
            }

            var release = match.Groups["release"].Value.Split('.').Select(Number).ToList();
            while (release.Count > 1 && release[^1].IsZero)
            {
                release.RemoveAt(release.Count - 1);
            }

            var hasPre = match.Groups["pre"].Success;
            var hasPost = match.Groups["post"].Success;
            var hasDev = match.Groups["dev"].Success;
            var pre = hasPre
                ? (0, NormalisePreLetter(match.Groups["pre_l"].Value), OptionalNumber(match.Groups["pre_n"]))
                : hasPost || !hasDev ? (1, "", BigInteger.Zero) : (-1, "", BigInteger.Zero);
            var postNumber = match.Groups["post_n1"].Success ? match.Groups["post_n1"] : match.Groups["post_n2"];
            var post = hasPost ? (0, OptionalNumber(postNumber)) : (-1, BigInteger.Zero);
            var dev = hasDev ? (0, OptionalNumber(match.Groups["dev_n"])) : (1, BigInteger.Zero);
            List<(bool, BigInteger, string)>? local = null;
            if (match.Groups["local"].Success)
            {
                local = match.Groups["local"].Value.ToLowerInvariant().Split('.', '-', '_')
                    .Select(s => s.All(char.IsAsciiDigit) ? (true, Number(s), "") : (false, BigInteger.Zero, s))
                    .ToList();
            }

            var epoch = match.Groups["epoch"].Success ? Number(match.Groups["epoch"].Value) : BigInteger.Zero;
            return new Key(epoch, [.. release], pre, post, dev, local, null);
        }

        public int CompareTo(Key? other)
        {
            ArgumentNullException.ThrowIfNull(other);
            var result = Epoch.CompareTo(other.Epoch);
            if (result != 0)
            {
                return result;
            }

            if (Legacy is not null || other.Legacy is not null)
            {
                return CompareSequences(Legacy ?? [], other.Legacy ?? [], string.CompareOrdinal);
            }

            result = CompareRelease(Release, other.Release);
            if (result != 0)
            {
                return result;
            }

            result = Pre.Rank.CompareTo(other.Pre.Rank);
            result = result != 0 ? result : string.CompareOrdinal(Pre.Letter, other.Pre.Letter);
            result = result != 0 ? result : Pre.Number.CompareTo(other.Pre.Number);
            result = result != 0 ? result : Post.Rank.CompareTo(other.Post.Rank);
            result = result != 0 ? result : Post.Number.CompareTo(other.Post.Number);
            result = result != 0 ? result : Dev.Rank.CompareTo(other.Dev.Rank);
            result = result != 0 ? result : Dev.Number.CompareTo(other.Dev.Number);
            return result != 0 ? Math.Sign(result) : CompareLocal(Local, other.Local);
        }

        /// <summary>No local label sorts first; numeric segments beat alphanumeric ones; more segments win a tie.</summary>
        private static int CompareLocal(List<(bool Numeric, BigInteger Number, string Text)>? a, List<(bool Numeric, BigInteger Number, string Text)>? b)
        {
            if (a is null || b is null)
            {
                return (a is null ? 0 : 1) - (b is null ? 0 : 1);
            }

            return CompareSequences(a, b, (p, q) => (p.Numeric, q.Numeric) switch
            {
                (true, true) => p.Number.CompareTo(q.Number),
                (true, false) => 1,
                (false, true) => -1,
                _ => string.CompareOrdinal(p.Text, q.Text),
            });
        }
    }

    /// <summary>Release segments compared as if the shorter were padded with zeros.</summary>
    private static int CompareRelease(BigInteger[] a, BigInteger[] b)
    {
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var result = (i < a.Length ? a[i] : BigInteger.Zero).CompareTo(i < b.Length ? b[i] : BigInteger.Zero);
            if (result != 0)
            {
                return Math.Sign(result);
            }
        }

        return 0;
    }

    private static int CompareSequences<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, T, int> compare)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var result = compare(a[i], b[i]);
            if (result != 0)
            {
                return Math.Sign(result);
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    private static string NormalisePreLetter(string letter) => letter.ToLowerInvariant() switch
    {
        "alpha" or "a" => "a",
        "beta" or "b" => "b",
        _ => "rc",
    };

    private static BigInteger Number(string digits) => BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static BigInteger OptionalNumber(Group group) => group.Success ? Number(group.Value) : BigInteger.Zero;

    /// <summary>setuptools' legacy key: numbers zero-padded, words starred, pre-release words folded to <c>*c</c>/<c>*@</c>.</summary>
    private static string[] LegacyParts(string version)
    {
        var parts = new List<string>();
        foreach (var raw in Split(version).Append("\0final"))
        {
            var part = raw switch { "pre" or "preview" or "rc" => "c", "-" => "final-", "dev" => "@", _ => raw };
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            var item = part == "\0final" ? "*final" : char.IsAsciiDigit(part[0]) ? part.PadLeft(8, '0') : "*" + part;
            if (item.StartsWith('*'))
            {
                if (string.CompareOrdinal(item, "*final") < 0)
                {
                    while (parts.Count > 0 && parts[^1] == "*final-")
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }
                }

                while (parts.Count > 0 && parts[^1] == "00000000")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }

            parts.Add(item);
        }

        return [.. parts];
    }

    /// <summary>Like Python's <c>re.split</c> with a capturing group: the pieces between matches and the matches.</summary>
    private static IEnumerable<string> Split(string version)
    {
        if (version.Length > MaxLength)
        {
            version = version[..MaxLength];
        }

        var last = 0;
        foreach (Match match in LegacyComponent.Matches(version))
        {
            yield return version[last..match.Index];
            yield return match.Value;
            last = match.Index + match.Length;
        }

        yield return version[last..];
    }
}
