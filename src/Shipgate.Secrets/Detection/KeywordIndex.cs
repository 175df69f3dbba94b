using System.Buffers;

namespace Shipgate.Secrets.Detection;

/// <summary>
/// The prefilter: every rule's keywords in one vectorised multi-literal searcher (<see cref="SearchValues{T}"/> of
/// strings, ordinal ignore-case), plus the map from a hit back to the keywords that start there and the rules that
/// own them. Immutable and thread-safe once built.
/// </summary>
internal sealed class KeywordIndex
{
    private readonly SearchValues<string>? searcher;
    private readonly Dictionary<char, KeywordEntry[]> byFirstChar;

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

        byFirstChar = owners
            .Select(pair => new KeywordEntry(pair.Key, [.. pair.Value]))
            .GroupBy(entry => char.ToUpperInvariant(entry.Keyword[0]))
            .ToDictionary(group => group.Key, group => group.OrderByDescending(entry => entry.Keyword.Length).ToArray());
        if (owners.Count > 0)
        {
            searcher = SearchValues.Create([.. owners.Keys], StringComparison.OrdinalIgnoreCase);
        }

        MaxKeywordLength = owners.Count == 0 ? 0 : owners.Keys.Max(k => k.Length);
    }

    public int MaxKeywordLength { get; }

    /// <summary>
    /// Tells <paramref name="sink"/> about every keyword occurrence in <paramref name="text"/>, left to right, once per
    /// (position, keyword); overlapping occurrences are all reported. Offsets are <paramref name="baseOffset"/>-based.
    /// </summary>
    public void FindAll<TSink>(ReadOnlySpan<char> text, int baseOffset, TSink sink)
        where TSink : IKeywordSink
    {
        if (searcher is null)
        {
            return;
        }

        var position = 0;
        while (position < text.Length)
        {
            var next = text[position..].IndexOfAny(searcher);
            if (next < 0)
            {
                return;
            }

            position += next;
            var rest = text[position..];
            if (byFirstChar.TryGetValue(char.ToUpperInvariant(rest[0]), out var candidates))
            {
                if (candidates.Length == 1 && char.IsAscii(rest[0]))
                {
                    // The searcher matched some keyword here, and only one starts with this (ASCII) letter.
                    sink.OnKeyword(baseOffset + position, candidates[0]);
                    position++;
                    continue;
                }

                foreach (var candidate in candidates)
                {
                    if (rest.StartsWith(candidate.Keyword, StringComparison.OrdinalIgnoreCase))
                    {
                        sink.OnKeyword(baseOffset + position, candidate);
                    }
                }
            }

            position++;
        }
    }

    /// <summary>One distinct keyword (case-insensitively) and the indexes of the rules that declare it.</summary>
    internal sealed record KeywordEntry(string Keyword, int[] Rules);
}

/// <summary>Receives prefilter hits from <see cref="KeywordIndex.FindAll"/>.</summary>
internal interface IKeywordSink
{
    void OnKeyword(int offset, KeywordIndex.KeywordEntry entry);
}
