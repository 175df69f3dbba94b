using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Shipgate.Secrets.Detection;

/// <summary>
/// The prefilter: finds every rule's keywords (ordinal ignore-case) in one pass over the text, plus the map from a hit
/// back to the keywords that start there and the rules that own them. Immutable and thread-safe once built.
/// </summary>
/// <remarks>
/// A catalogue has a few hundred keywords. <see cref="SearchValues"/> of strings only vectorises small sets (Teddy);
/// running one small searcher per group of keywords reads the text once per group, which dominated the scan. Instead,
/// every keyword of at least three ASCII characters is indexed by its first three characters, case-folded: one scalar
/// pass over the text keeps the last three folded characters, and a position is verified only when that trigram
/// starts a keyword — first through a 4 KB filter of hashed trigrams (L1-resident, rejects most positions), then a small
/// table of the exact trigrams, then the candidate keywords themselves, eight characters at a time. The few keywords
/// that do not fit (shorter, or non-ASCII in their first three characters) use <see cref="SearchValues"/> searchers in
/// groups of at most <see cref="GroupSize"/>, and their hits are merged back in text order.
/// </remarks>
internal sealed class KeywordIndex
{
    /// <summary>Keywords per fallback searcher; small enough that every group gets the vectorised algorithm.</summary>
    internal const int GroupSize = 16;

    /// <summary>log2 of the hashed trigram filter's size in bits.</summary>
    private const int HashedBits = 15;

    /// <summary>Characters per block when hits of several searchers are merged (128 KB, which stays in the core's L2 cache).</summary>
    private const int BlockSize = 64 * 1024;

    /// <summary>Folded code of every ASCII character: lower-case letters, the rest as they are; 0 is never a keyword character.</summary>
    private static readonly byte[] Fold = FoldTable(128);

    /// <summary>
    /// Bits of the keyword trigrams hashed to <see cref="HashedBits"/> bits (<see cref="HashedSlot"/>): 4 KB, so the first
    /// stage stays in L1. 32-bit words, as the AVX2 first stage gathers them.
    /// </summary>
    private readonly uint[] hashedTrigrams = new uint[(1 << HashedBits) / 32];
    private readonly TrigramTable byTrigram;
    private readonly Group[] groups;
    private readonly bool lanes;

    /// <param name="keywordsPerRule">Each rule's keywords, by rule index.</param>
    /// <param name="lanes">
    /// Whether the first stage may use AVX2 lanes where the processor has them; off, it runs the scalar loop every
    /// processor runs (the tests compare both with the naive search).
    /// </param>
    public KeywordIndex(IReadOnlyList<IReadOnlyList<string>> keywordsPerRule, bool lanes = true)
    {
        this.lanes = lanes;
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

        // Plain loops rather than LINQ: grouping and projecting to value types are generic instantiations the
        // ReadyToRun image lacks, and compiling them cost more start-up time than building the index.
        var byTrigramLists = new Dictionary<int, List<KeywordEntry>>();
        var ungrouped = new List<KeywordEntry>();
        var longest = 0;
        foreach (var (keyword, rules) in owners)
        {
            var entry = new KeywordEntry(keyword, [.. rules]);
            longest = Math.Max(longest, keyword.Length);
            var trigram = TrigramOf(keyword);
            if (trigram < 0)
            {
                ungrouped.Add(entry);
            }
            else if (byTrigramLists.TryGetValue(trigram, out var sharing))
            {
                sharing.Add(entry);
            }
            else
            {
                byTrigramLists[trigram] = [entry];
            }
        }

        var tableEntries = new List<(int Trigram, Probe[] Probes)>(byTrigramLists.Count);
        foreach (var (trigram, sharing) in byTrigramLists)
        {
            var slot = HashedSlot(trigram | SpaceBits);
            hashedTrigrams[slot >> 5] |= 1u << (slot & 31);
            tableEntries.Add((trigram, Probe.LongestFirst(sharing)));
        }

        byTrigram = new TrigramTable(tableEntries);

        HasTrigramKeywords = byTrigramLists.Count > 0;

        // Sorted, so keywords sharing a prefix share a group and its fingerprints stay selective.
        ungrouped.Sort((a, b) => string.CompareOrdinal(a.Keyword.ToUpperInvariant(), b.Keyword.ToUpperInvariant()));
        groups = new Group[(ungrouped.Count + GroupSize - 1) / GroupSize];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = new Group([.. ungrouped.GetRange(i * GroupSize, Math.Min(GroupSize, ungrouped.Count - (i * GroupSize)))]);
        }

        MaxKeywordLength = longest;
    }

    public int MaxKeywordLength { get; }

    private bool HasTrigramKeywords { get; }

    /// <summary>
    /// Tells <paramref name="sink"/> about every keyword occurrence in <paramref name="text"/>, in text order, once per
    /// (position, keyword); overlapping occurrences are all reported. Offsets are <paramref name="baseOffset"/>-based.
    /// </summary>
    public void FindAll<TSink>(ReadOnlySpan<char> text, int baseOffset, TSink sink)
        where TSink : IKeywordSink
    {
        if (groups.Length == 0)
        {
            if (HasTrigramKeywords)
            {
                FindTrigramKeywords(text, text.Length, baseOffset, sink);
            }

            return;
        }

        if (groups.Length == 1 && !HasTrigramKeywords)
        {
            groups[0].FindAll(text, text.Length, baseOffset, sink);
            return;
        }

        var hits = new List<(int Offset, KeywordEntry Entry)>();
        var collector = new HitCollector(hits);
        for (var blockStart = 0; blockStart < text.Length; blockStart += BlockSize)
        {
            // A block owns hits that start inside it; it reaches a keyword's length further so none is cut in two.
            var owned = Math.Min(BlockSize, text.Length - blockStart);
            var block = text.Slice(blockStart, Math.Min(text.Length - blockStart, owned + MaxKeywordLength - 1));
            hits.Clear();
            if (HasTrigramKeywords)
            {
                FindTrigramKeywords(block, owned, blockStart, collector);
            }

            foreach (var group in groups)
            {
                group.FindAll(block, owned, blockStart, collector);
            }

            hits.Sort(static (a, b) => a.Offset.CompareTo(b.Offset));
            foreach (var (offset, entry) in hits)
            {
                sink.OnKeyword(baseOffset + offset, entry);
            }
        }
    }

    /// <summary>Gathers the hits of several searchers over one block, to be put in text order.</summary>
    private readonly struct HitCollector(List<(int Offset, KeywordEntry Entry)> hits) : IKeywordSink
    {
        public void OnKeyword(int offset, KeywordEntry entry) => hits.Add((offset, entry));
    }

    /// <summary>
    /// Bit 0x20 of each of a trigram's three 7-bit characters. The first stage sets it in every character (which folds
    /// ASCII letters and merges a few punctuation pairs, so the filter stays a superset) before hashing.
    /// </summary>
    private const int SpaceBits = (0x20 << 14) | (0x20 << 7) | 0x20;

    /// <summary>A first-stage trigram's bit in the hashed filter (multiplicative hashing: the top bits of a 32-bit product).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HashedSlot(int trigram) => (int)((uint)trigram * 0x9E3779B1u >> (32 - HashedBits));

    /// <summary>The index of a keyword's folded first three characters, or -1 when it is shorter or they are not plain ASCII.</summary>
    private static int TrigramOf(string keyword)
    {
        if (keyword.Length < 3)
        {
            return -1;
        }

        var code = 0;
        for (var i = 0; i < 3; i++)
        {
            var c = keyword[i];
            if (c is '\0' or >= (char)128)
            {
                return -1;
            }

            code = (code << 7) | Fold[c];
        }

        return code;
    }

    /// <summary>
    /// The folded code of every UTF-16 unit (64 KB, so the loops that use it have no branch). Every unit beyond ASCII is
    /// 0, which no keyword holds: .NET's ordinal ignore-case equates no character beyond ASCII with an ASCII one, not
    /// even the look-alikes of ASCII letters (long s, Kelvin sign, dotless i; their simple case mappings to ASCII are
    /// left out), which the tests pin with look-alike spellings. So no keyword starts at a position whose first three
    /// characters are not all ASCII.
    /// </summary>
    private static readonly byte[] WideFold = FoldTable(65536);

    /// <summary>The folded codes of the first <paramref name="size"/> UTF-16 units (see <see cref="Fold"/> and <see cref="WideFold"/>).</summary>
    private static byte[] FoldTable(int size)
    {
        var table = new byte[size];
        for (var c = 0; c < size; c++)
        {
            table[c] = c switch
            {
                >= 'A' and <= 'Z' => (byte)(c | 0x20),
                < 128 => (byte)c,
                _ => 0,
            };
        }

        return table;
    }

    /// <summary>Reports the trigram-indexed keyword occurrences that start before <paramref name="limit"/>, in text order.</summary>
    /// <remarks>
    /// Two stages per block of 64 positions: a branch-free loop sets one bit per position whose trigram hashes to a
    /// keyword trigram's bit (so the CPU never mispredicts on the text), then only the set bits are checked against the
    /// exact trigrams and their keywords (<see cref="Verify"/>). The loop reads each position's three characters as one
    /// 64-bit word, so positions do not depend on each other (with AVX2, eight positions at a time and a gathered filter,
    /// <see cref="LaneCandidates"/>); every path hashes the same trigram (<see cref="SpaceBits"/> set) with
    /// <see cref="HashedSlot"/>. It does not look at whether the text is ASCII: where the three characters are, the
    /// trigram is exact; where one is not, no keyword can start (<see cref="WideFold"/>), and whatever the loop makes of
    /// it is at worst a candidate that <see cref="Verify"/> rejects. The text's last block, whose last positions have no
    /// character to spare for the word reads, folds through <see cref="WideFold"/>.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FindTrigramKeywords<TSink>(ReadOnlySpan<char> text, int limit, int baseOffset, TSink sink)
        where TSink : IKeywordSink
    {
        if (text.Length < 3)
        {
            return;
        }

        var end = Math.Min(limit, text.Length - 2);
        ref var start = ref MemoryMarshal.GetReference(text);
        for (var blockStart = 0; blockStart < end; blockStart += 64)
        {
            var count = Math.Min(64, end - blockStart);
            ref var block = ref Unsafe.Add(ref start, blockStart);

            // The fast paths read one character beyond the last trigram (four at the last position for the scalar one).
            var candidates = blockStart + count + 2 >= text.Length
                ? WideCandidates(text.Slice(blockStart, count + 2), count)
                : count == 64 && Avx2.IsSupported && lanes ? LaneCandidates(ref block) : AsciiCandidates(ref block, count);
            while (candidates != 0)
            {
                var position = blockStart + BitOperations.TrailingZeroCount(candidates);
                candidates &= candidates - 1;
                Verify(text, position, baseOffset, sink);
            }
        }
    }

    /// <summary>First stage over a block: bit i set when the trigram at i may start a keyword (exact for ASCII characters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong AsciiCandidates(ref char block, int count)
    {
        ref var filter = ref MemoryMarshal.GetArrayDataReference(hashedTrigrams);
        ref var bytes = ref Unsafe.As<char, byte>(ref block);
        ulong candidates = 0;
        for (var i = 0; i < count; i++)
        {
            // Four characters in one read; an ASCII character is its low 7 bits.
            var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, i * 2));
            var trigram = (int)(((word & 0x7F) << 14) | (((word >> 16) & 0x7F) << 7) | ((word >> 32) & 0x7F)) | SpaceBits;
            var slot = HashedSlot(trigram);
            candidates |= ((ulong)(Unsafe.Add(ref filter, slot >> 5) >> slot) & 1UL) << i;
        }

        return candidates;
    }

    /// <summary>
    /// The first stage of <see cref="AsciiCandidates"/> for a whole block with AVX2, eight positions at a time: the
    /// three characters of each position widened to 32-bit lanes, OR 0x20, combined into a 21-bit trigram, hashed as
    /// <see cref="HashedSlot"/> does, and its filter bit gathered.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe ulong LaneCandidates(ref char block)
    {
        var fold = Vector256.Create(0x20);
        var multiplier = Vector256.Create(unchecked((int)0x9E3779B1u));
        var one = Vector256.Create(1);
        ulong candidates = 0;
        fixed (uint* filter = hashedTrigrams)
        {
            for (var i = 0; i < 64; i += 8)
            {
                var c0 = Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref block, i)))) | fold;
                var c1 = Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref block, i + 1)))) | fold;
                var c2 = Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref block, i + 2)))) | fold;
                var trigram = Avx2.ShiftLeftLogical(c0, 14) | Avx2.ShiftLeftLogical(c1, 7) | c2;
                var slot = Avx2.ShiftRightLogical(Avx2.MultiplyLow(trigram, multiplier), 32 - HashedBits);
                var words = Avx2.GatherVector256((int*)filter, Avx2.ShiftRightLogical(slot, 5), 4);
                var bits = Avx2.ShiftRightLogicalVariable(words.AsUInt32(), (slot & Vector256.Create(31)).AsUInt32()).AsInt32() & one;
                var mask = (uint)Avx.MoveMask(Avx2.CompareEqual(bits, one).AsSingle());
                candidates |= (ulong)mask << i;
            }
        }

        return candidates;
    }

    /// <summary>First stage over the text's last block, one character at a time.</summary>
    private ulong WideCandidates(ReadOnlySpan<char> block, int count)
    {
        var fold = WideFold;
        var hashed = hashedTrigrams;
        ulong candidates = 0;
        for (var i = 0; i < count; i++)
        {
            var slot = HashedSlot(((fold[block[i]] << 14) | (fold[block[i + 1]] << 7) | fold[block[i + 2]]) | SpaceBits);
            candidates |= ((ulong)(hashed[slot >> 5] >> (slot & 31)) & 1UL) << i;
        }

        return candidates;
    }

    /// <summary>
    /// Second stage at one candidate position: the keywords of its exact trigram (none for most candidates), each compared
    /// at once on its first eight characters when they and the text there are ASCII (<see cref="Probe"/>), with an
    /// ordinal ignore-case comparison only for what that leaves open: a longer keyword, or text beyond ASCII.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Verify<TSink>(ReadOnlySpan<char> text, int position, int baseOffset, TSink sink)
        where TSink : IKeywordSink
    {
        var fold = WideFold;
        var trigram = (fold[text[position]] << 14) | (fold[text[position + 1]] << 7) | fold[text[position + 2]];
        var probes = byTrigram.Find(trigram);
        if (probes.IsEmpty)
        {
            return;
        }

        var rest = text[position..];
        if (rest.Length >= 8 && probes.Length <= 32 && Probe.ReadAscii(rest, out var head, out var tail))
        {
            // Every probe compared without a branch, so the text's keywords do not decide the branches taken.
            var agreeing = 0u;
            for (var k = 0; k < probes.Length; k++)
            {
                agreeing |= (probes[k].Matches(head, tail) ? 1u : 0u) << k;
            }

            while (agreeing != 0)
            {
                ref readonly var probe = ref probes[BitOperations.TrailingZeroCount(agreeing)];
                agreeing &= agreeing - 1;
                if (probe.IsExact || rest.StartsWith(probe.Entry.Keyword, StringComparison.OrdinalIgnoreCase))
                {
                    sink.OnKeyword(baseOffset + position, probe.Entry);
                }
            }

            return;
        }

        foreach (ref readonly var probe in probes)
        {
            if (rest.StartsWith(probe.Entry.Keyword, StringComparison.OrdinalIgnoreCase))
            {
                sink.OnKeyword(baseOffset + position, probe.Entry);
            }
        }
    }

    /// <summary>
    /// A keyword's first eight characters as two 64-bit words of UTF-16 units, for comparing them with the text in two
    /// operations: <c>(text | Fold) &amp; Mask == Value</c>. <c>Fold</c> sets bit 0x20 of the letters only, so for ASCII
    /// text the test is exactly ordinal ignore-case (letters of either case; every other character as it is); the mask
    /// covers the keyword's length. Keywords with characters beyond ASCII among their first eight never compare here.
    /// </summary>
    private readonly struct Probe
    {
        private const ulong HighBits = 0xFF80_FF80_FF80_FF80UL;

        private readonly ulong headValue, headFold, headMask, tailValue, tailFold, tailMask;

        public Probe(KeywordEntry entry)
        {
            Entry = entry;
            var keyword = entry.Keyword;
            var ascii = true;
            for (var i = 0; i < Math.Min(8, keyword.Length); i++)
            {
                var c = keyword[i];
                ascii &= c < 128;
                var letter = char.IsAsciiLetter(c);
                var shift = 16 * (i & 3);
                ref var value = ref i < 4 ? ref headValue : ref tailValue;
                ref var fold = ref i < 4 ? ref headFold : ref tailFold;
                ref var mask = ref i < 4 ? ref headMask : ref tailMask;
                value |= (ulong)(letter ? c | 0x20 : c) << shift;
                fold |= (ulong)(letter ? 0x20 : 0) << shift;
                mask |= 0xFFFFUL << shift;
            }

            if (!ascii)
            {
                // Compared in full by the caller: zero masks agree with any text.
                headValue = headFold = headMask = tailValue = tailFold = tailMask = 0;
            }

            IsExact = ascii && keyword.Length <= 8;
        }

        /// <summary>Probes of <paramref name="entries"/>, longer keywords first (so a hit reports the longest keyword first).</summary>
        public static Probe[] LongestFirst(List<KeywordEntry> entries)
        {
            entries.Sort(LongestFirstOrder);
            var probes = new Probe[entries.Count];
            for (var i = 0; i < probes.Length; i++)
            {
                probes[i] = new Probe(entries[i]);
            }

            return probes;
        }

        public KeywordEntry Entry { get; }

        /// <summary>True when <see cref="Matches"/> alone decides (an ASCII keyword of at most eight characters).</summary>
        public bool IsExact { get; }

        /// <summary>The eight characters at the start of <paramref name="text"/> (at least eight long), when all are ASCII.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool ReadAscii(ReadOnlySpan<char> text, out ulong head, out ulong tail)
        {
            ref var bytes = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
            head = Unsafe.ReadUnaligned<ulong>(ref bytes);
            tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, 8));
            return ((head | tail) & HighBits) == 0;
        }

        /// <summary>
        /// Whether ASCII text starting with <paramref name="head"/> and <paramref name="tail"/> agrees with the keyword
        /// on its first eight characters (a keyword beyond ASCII there always agrees: the caller compares it in full).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Matches(ulong head, ulong tail) =>
            ((((head | headFold) & headMask) ^ headValue) | (((tail | tailFold) & tailMask) ^ tailValue)) == 0;
    }

    /// <summary>
    /// The keywords per trigram in an open-addressing table (a quarter full at most; 4 KB of slots for a catalogue's few
    /// hundred trigrams, so it stays in L1): every candidate of the first stage looks its trigram up here. A slot is one
    /// 64-bit word, the trigram (21 bits) with the offset and count of its probes in one flat array, so a lookup is one
    /// load and the probes one more, with no array object in between. An empty slot holds 0, which is no keyword's
    /// trigram (no keyword holds the character that folds to 0), so a text trigram of 0 finds an empty probe list.
    /// A <see cref="Dictionary{TKey, TValue}"/> showed in profiles, and a 256 KB bitmap of the exact trigrams in front
    /// of the table missed the cache.
    /// </summary>
    private sealed class TrigramTable
    {
        private const long KeyMask = (1 << 21) - 1;

        private readonly long[] slots;
        private readonly Probe[] probes;
        private readonly int mask;

        public TrigramTable(List<(int Trigram, Probe[] Probes)> entries)
        {
            var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, entries.Count * 4));
            slots = new long[size];
            mask = size - 1;
            var all = new List<Probe>();
            foreach (var (trigram, sharing) in entries)
            {
                var slot = Slot(trigram);
                while (slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                slots[slot] = (uint)trigram | ((long)sharing.Length << 21) | ((long)all.Count << 32);
                all.AddRange(sharing);
            }

            probes = [.. all];
        }

        /// <summary>The keywords starting with a trigram, longest first; empty when none does.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ReadOnlySpan<Probe> Find(int trigram)
        {
            var slot = Slot(trigram);
            while (true)
            {
                var entry = slots[slot];
                if ((entry & KeyMask) == trigram)
                {
                    return probes.AsSpan((int)(entry >> 32), (int)(entry >> 21) & 0x7FF);
                }

                if (entry == 0)
                {
                    return default;
                }

                slot = (slot + 1) & mask;
            }
        }

        private int Slot(int trigram) => (int)((uint)(trigram * -1640531535) >> 8) & mask;
    }

    /// <summary>Longer keywords first; equal lengths in ordinal order, so the order never depends on the catalogue's.</summary>
    private static int LongestFirstOrder(KeywordEntry a, KeywordEntry b) =>
        a.Keyword.Length != b.Keyword.Length ? b.Keyword.Length.CompareTo(a.Keyword.Length) : string.CompareOrdinal(a.Keyword, b.Keyword);

    /// <summary>One distinct keyword (case-insensitively) and the indexes of the rules that declare it.</summary>
    internal sealed record KeywordEntry(string Keyword, int[] Rules);

    /// <summary>One searcher and the keywords it covers, bucketed by upper-cased first character.</summary>
    private sealed class Group
    {
        private readonly SearchValues<string> searcher;
        private readonly Dictionary<char, KeywordEntry[]> byFirstChar;

        public Group(KeywordEntry[] entries)
        {
            var keywords = new string[entries.Length];
            var lists = new Dictionary<char, List<KeywordEntry>>();
            for (var i = 0; i < entries.Length; i++)
            {
                keywords[i] = entries[i].Keyword;
                var first = char.ToUpperInvariant(entries[i].Keyword[0]);
                if (!lists.TryGetValue(first, out var list))
                {
                    lists[first] = list = [];
                }

                list.Add(entries[i]);
            }

            searcher = SearchValues.Create(keywords, StringComparison.OrdinalIgnoreCase);
            byFirstChar = new Dictionary<char, KeywordEntry[]>(lists.Count);
            foreach (var (first, list) in lists)
            {
                // Longest first, as the trigram probes.
                list.Sort(LongestFirstOrder);
                byFirstChar[first] = [.. list];
            }
        }

        /// <summary>Reports the keyword occurrences of this group that start before <paramref name="limit"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void FindAll<TSink>(ReadOnlySpan<char> text, int limit, int baseOffset, TSink sink)
            where TSink : IKeywordSink
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
                        sink.OnKeyword(baseOffset + position, candidates[0]);
                    }
                    else
                    {
                        foreach (var candidate in candidates)
                        {
                            if (rest.StartsWith(candidate.Keyword, StringComparison.OrdinalIgnoreCase))
                            {
                                sink.OnKeyword(baseOffset + position, candidate);
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
