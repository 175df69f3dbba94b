using System.Buffers;
using System.Runtime.CompilerServices;

namespace Shipgate.Secrets.Detection;

/// <summary>
/// The prefilter: every rule's keywords in vectorised multi-literal searchers (<see cref="SearchValues{T}"/> of strings,
/// ordinal ignore-case), plus the map from a hit back to the keywords that start there and the rules that own them.
/// Immutable and thread-safe once built.
/// </summary>
/// <remarks>
/// <see cref="SearchValues"/> uses the vectorised Teddy algorithm for small sets and falls back to a scalar Aho-Corasick
/// automaton for large ones (a full catalogue has well over a hundred keywords), which is several times slower. So the
/// keywords are split into groups of at most <see cref="GroupSize"/>, each small enough for Teddy, and the groups run one
/// after another over the same cache-sized block of text before moving on: memory is still read once. Hits are put back
/// in text order before anyone sees them.
/// </remarks>
internal sealed class KeywordIndex
{
    /// <summary>Keywords per searcher; small enough that every group gets the vectorised algorithm.</summary>
    internal const int GroupSize = 16;

    /// <summary>Characters per block when several groups run (128 KB, which stays in the core's L2 cache).</summary>
    private const int BlockSize = 64 * 1024;

    private readonly Group[] groups;

    public KeywordIndex(IReadOnlyList<IReadOnlyList<string>> keywordsPerRule)
    {
        var owners = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var rule = 0; rule < keywordsPerRule.Count; rule++)
        {
            foreach (var keyword in keywordsPerRule[rule])
            {
                if (string.IsNullOrEmpty(keyword))
                {
                    continue;
                }

                if (!owners.TryGetValue(keyword, out var list))
                {
                    owners[keyword] = list = [];
                }

                if (!list.Contains(rule))
                {
                    list.Add(rule);
                }
            }
        }

        // Sorted, so keywords sharing a prefix share a group and its fingerprints stay selective.
        groups = owners
            .Select(pair => new KeywordEntry(pair.Key, [.. pair.Value]))
            .OrderBy(entry => entry.Keyword.ToUpperInvariant(), StringComparer.Ordinal)
            .Chunk(GroupSize)
            .Select(entries => new Group(entries))
            .ToArray();
        MaxKeywordLength = owners.Count == 0 ? 0 : owners.Keys.Max(k => k.Length);
    }

    public int MaxKeywordLength { get; }

    /// <summary>
    /// Tells <paramref name="sink"/> about every keyword occurrence in <paramref name="text"/>, in text order, once per
    /// (position, keyword); overlapping occurrences are all reported. Offsets are <paramref name="baseOffset"/>-based.
    /// </summary>
    public void FindAll<TSink>(ReadOnlySpan<char> text, int baseOffset, TSink sink)
        where TSink : IKeywordSink
    {
        if (groups.Length == 1)
        {
            groups[0].FindAll(text, text.Length, (sink, baseOffset), static (state, offset, entry) => state.sink.OnKeyword(state.baseOffset + offset, entry));
            return;
        }

        if (groups.Length == 0)
        {
            return;
        }

        var hits = new List<(int Offset, KeywordEntry Entry)>();
        for (var blockStart = 0; blockStart < text.Length; blockStart += BlockSize)
        {
            // A block owns hits that start inside it; it reaches a keyword's length further so none is cut in two.
            var owned = Math.Min(BlockSize, text.Length - blockStart);
            var block = text.Slice(blockStart, Math.Min(text.Length - blockStart, owned + MaxKeywordLength - 1));
            hits.Clear();
            foreach (var group in groups)
            {
                group.FindAll(block, owned, (hits, blockStart), static (state, offset, entry) => state.hits.Add((state.blockStart + offset, entry)));
            }

            hits.Sort(static (a, b) => a.Offset.CompareTo(b.Offset));
            foreach (var (offset, entry) in hits)
            {
                sink.OnKeyword(baseOffset + offset, entry);
            }
        }
    }

    /// <summary>One distinct keyword (case-insensitively) and the indexes of the rules that declare it.</summary>
    internal sealed record KeywordEntry(string Keyword, int[] Rules);

    /// <summary>One searcher and the keywords it covers, bucketed by upper-cased first character.</summary>
    private sealed class Group
    {
        private readonly SearchValues<string> searcher;
        private readonly Dictionary<char, KeywordEntry[]> byFirstChar;

        public Group(KeywordEntry[] entries)
        {
            searcher = SearchValues.Create([.. entries.Select(e => e.Keyword)], StringComparison.OrdinalIgnoreCase);
            byFirstChar = entries
                .GroupBy(entry => char.ToUpperInvariant(entry.Keyword[0]))
                .ToDictionary(group => group.Key, group => group.OrderByDescending(entry => entry.Keyword.Length).ToArray());
        }

        /// <summary>Reports the keyword occurrences of this group that start before <paramref name="limit"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void FindAll<TState>(ReadOnlySpan<char> text, int limit, TState state, Action<TState, int, KeywordEntry> onHit)
        {
            var position = 0;
            while (position < limit)
            {
                var next = text[position..].IndexOfAny(searcher);
                if (next < 0 || position + next >= limit)
                {
                    return;
                }

                position += next;
                var rest = text[position..];
                if (byFirstChar.TryGetValue(char.ToUpperInvariant(rest[0]), out var candidates))
                {
                    if (candidates.Length == 1 && char.IsAscii(rest[0]))
                    {
                        // The searcher matched one of this group's keywords here, and only one starts with this letter.
                        onHit(state, position, candidates[0]);
                    }
                    else
                    {
                        foreach (var candidate in candidates)
                        {
                            if (rest.StartsWith(candidate.Keyword, StringComparison.OrdinalIgnoreCase))
                            {
                                onHit(state, position, candidate);
                            }
                        }
                    }
                }

                position++;
            }
        }
    }
}

/// <summary>Receives prefilter hits from <see cref="KeywordIndex.FindAll"/>.</summary>
internal interface IKeywordSink
{
    void OnKeyword(int offset, KeywordIndex.KeywordEntry entry);
}
