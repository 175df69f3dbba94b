using System.Text;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;

namespace Shipgate.Secrets.Tests.Detection;

/// <summary>
/// The prefilter against the obvious search: every occurrence of every catalogue keyword (ordinal ignore-case) is
/// reported once, whatever the case, the characters around it (ASCII or not), and where it falls against the 64-position
/// blocks of the first stage and the end of the text.
/// </summary>
public sealed class KeywordIndexTests
{
    private static readonly string[] Keywords = SecretRuleCatalog.Create().SelectMany(r => r.Keywords)
        .Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    private static readonly KeywordIndex Index = new([Keywords]);

    /// <summary>The same index without AVX2 lanes: the scalar first stage every processor runs.</summary>
    private static readonly KeywordIndex ScalarIndex = new([Keywords], lanes: false);

    public static TheoryData<string> Stages => ["lanes", "scalar"];

    private static readonly string[] Probes = ["token", "AKIA", "ghp_", "pass", "sk_live_", "pwd"];

    public static TheoryData<string, int> StagesAndSeeds
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var stage in new[] { "lanes", "scalar" })
            {
                for (var seed = 1; seed <= 6; seed++)
                {
                    data.Add(stage, seed);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(StagesAndSeeds))]
    public void Should_report_exactly_the_occurrences_a_naive_search_finds(string stage, int seed)
    {
        var random = new Random(seed);
        var checkedHits = 0;
        for (var round = 0; round < 60; round++)
        {
            var text = Text(random, random.Next(0, 3000), nonAscii: round % 3 != 0);
            var sink = new Sink();
            IndexFor(stage).FindAll(text, 0, sink);

            var expected = Naive(text);
            sink.Hits.Order().ShouldBe(expected.Order(), $"seed {seed}, round {round}");
            checkedHits += expected.Count;
        }

        checkedHits.ShouldBeGreaterThan(500);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Should_find_keywords_at_every_offset_around_block_edges_and_the_end(string stage)
    {
        var probes = Probes.Where(k => Keywords.Contains(k, StringComparer.OrdinalIgnoreCase)).ToArray();
        probes.Length.ShouldBeGreaterThanOrEqualTo(4);
        foreach (var keyword in probes)
        {
            for (var length = keyword.Length; length < 200; length++)
            {
                for (var at = 0; at + keyword.Length <= length; at += 7)
                {
                    var chars = Enumerable.Repeat('q', length).ToArray();
                    keyword.ToUpperInvariant().CopyTo(0, chars, at, keyword.Length);
                    var sink = new Sink();
                    IndexFor(stage).FindAll(new string(chars), 0, sink);
                    sink.Hits.ShouldContain((at, keyword.ToLowerInvariant()), $"{keyword} at {at} of {length}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Should_agree_with_the_naive_search_on_look_alike_spellings_at_every_offset_around_block_edges(string stage)
    {
        // 'ſ' and 'ı' upper-case to 'S' and 'I', yet ordinal ignore-case does not equate them with ASCII letters, so no
        // keyword starts on them: whatever the first stage makes of them, the index reports what the naive search does.
        var spelled = 0;
        foreach (var keyword in Probes.Where(k => Keywords.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            var at = keyword.IndexOfAny(['s', 'i']);
            if (at < 0)
            {
                continue;
            }

            var lookAlike = keyword[..at] + (keyword[at] == 's' ? '\u017F' : '\u0131') + keyword[(at + 1)..];
            for (var length = keyword.Length; length < 200; length++)
            {
                for (var offset = 0; offset + keyword.Length <= length; offset++)
                {
                    var chars = Enumerable.Repeat('q', length).ToArray();
                    lookAlike.CopyTo(0, chars, offset, lookAlike.Length);
                    var text = new string(chars);
                    var sink = new Sink();
                    IndexFor(stage).FindAll(text, 0, sink);
                    sink.Hits.Order().ShouldBe(Naive(text).Order(), $"{lookAlike} at {offset} of {length}");
                    spelled++;
                }
            }
        }

        spelled.ShouldBeGreaterThan(10_000);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Should_tell_apart_characters_that_differ_only_in_bit_0x20_or_beyond_ascii(string stage)
    {
        // '_' and DEL, '@' and '`', '[' and '{', '$' and '\u0004', '-' and '\r'…: case folding must not merge them. Nor
        // may a character beyond ASCII whose low seven bits spell the keyword's ('\u0174' for 't', '\u00E9' for 'i'),
        // although the first stage reads only those bits.
        var variants = 0;
        foreach (var keyword in Keywords)
        {
            for (var i = 0; i < keyword.Length; i++)
            {
                var c = keyword[i];
                foreach (var replacement in new[] { (char)(c ^ 0x20), (char)(c | 0x80), (char)(c | 0x100), (char)(c | 0xFF00), '\u017F', '\u0131', '\u212A' })
                {
                    var chars = keyword.ToCharArray();
                    chars[i] = replacement;
                    var word = new string(chars);

                    // Alone (the text's last block), and inside and across the first 64-position block of a longer text.
                    foreach (var text in new[] { word, "ab" + word + "cdefghijkl", "ab" + word + new string('q', 150), new string('q', 60) + word + new string('q', 150) })
                    {
                        var sink = new Sink();
                        IndexFor(stage).FindAll(text, 0, sink);
                        sink.Hits.Order().ShouldBe(Naive(text).Order(), $"{keyword} with {(int)replacement:x4} at {i}");
                        variants++;
                    }
                }
            }
        }

        variants.ShouldBeGreaterThan(20_000);
    }

    private static KeywordIndex IndexFor(string stage) => stage == "scalar" ? ScalarIndex : Index;

    private static List<(int Offset, string Keyword)> Naive(string text)
    {
        var hits = new List<(int, string)>();
        foreach (var keyword in Keywords)
        {
            for (var at = text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(keyword, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                hits.Add((at, keyword.ToLowerInvariant()));
            }
        }

        return hits;
    }

    /// <summary>Code-like text with keywords planted in random case, some spelled with look-alike non-ASCII letters.</summary>
    private static string Text(Random random, int length, bool nonAscii)
    {
        const string plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:=\"' \n\t{}()[]@`|~^";
        string[] exotic = ["é", "\u017F", "\u212A", "\u0131", "\u0130", "ß", "\u00A0", "\U0001F600", "Ω", "\u0000"];
        var text = new StringBuilder(length + 64);
        while (text.Length < length)
        {
            var roll = random.Next(20);
            if (roll < 3)
            {
                var keyword = Keywords[random.Next(Keywords.Length)];
                foreach (var c in keyword)
                {
                    var cased = random.Next(2) == 0 ? char.ToUpperInvariant(c) : c;
                    text.Append(nonAscii && random.Next(8) == 0 ? c switch { 's' or 'S' => '\u017F', 'i' or 'I' => '\u0131', 'k' or 'K' => '\u212A', _ => cased } : cased);
                }
            }
            else if (nonAscii && roll == 3)
            {
                text.Append(exotic[random.Next(exotic.Length)]);
            }
            else
            {
                text.Append(plain[random.Next(plain.Length)]);
            }
        }

        return text.ToString();
    }

    private sealed class Sink : IKeywordSink
    {
        public List<(int Offset, string Keyword)> Hits { get; } = [];

        public void OnKeyword(int offset, KeywordIndex.KeywordEntry entry) => Hits.Add((offset, entry.Keyword.ToLowerInvariant()));
    }
}
