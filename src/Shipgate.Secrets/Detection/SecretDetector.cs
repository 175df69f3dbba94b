using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Shipgate.Secrets.Rules;

namespace Shipgate.Secrets.Detection;

/// <summary>
/// Finds secrets in text with a set of rules. Built once per rule set and shared: immutable and thread-safe
/// (each call keeps its scratch state to itself).
/// </summary>
/// <remarks>
/// One pass per buffer: a vectorised multi-literal search for every rule's keywords, then each rule's regex only in
/// a window around its own keyword hits, then the rule's filters, then the same detector over decoded base64, hex and
/// percent-encoded runs, then overlap resolution. Long inputs are processed in overlapping chunks, so memory stays
/// bounded and a match across a chunk boundary is found exactly once. See docs/architecture/secrets.md.
/// </remarks>
public sealed partial class SecretDetector
{
    private readonly SecretPattern[] rules;
    private readonly Regex?[] lenientPatterns;

    /// <summary>Rule count × rule count flags, row = winner: see <see cref="Supersedes"/>.</summary>
    private readonly bool[] superseded;

    /// <summary>Region scanners between inputs: their scratch lists and per-rule arrays are kept instead of allocated per file.</summary>
    private readonly ConcurrentBag<RegionScanner> idleScanners = [];

    public SecretDetector(IEnumerable<SecretPattern> rules)
        : this(rules, null)
    {
    }

    public SecretDetector(IEnumerable<SecretPattern> rules, SecretDetectorOptions? options)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Options = options ?? SecretDetectorOptions.Default;
        this.rules = rules.ToArray();
        var count = this.rules.Length;
        lenientPatterns = new Regex?[count];

        // Plain loops rather than LINQ: projections to value types are generic instantiations the ReadyToRun image
        // lacks, and compiling them at start-up cost more than building the tables (bench/README.md, start-up).
        var keywords = new IReadOnlyList<string>[count];
        var maxWindow = Math.Max(0, Options.MaxWindow);
        WindowBefore = new int[count];
        WindowAfter = new int[count];
        ConfidenceRank = new int[count];
        Generic = new bool[count];
        ChecksHits = new bool[count];
        var wholeBuffer = new List<int>();
        var indexById = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var rule = this.rules[i];
            keywords[i] = rule.Keywords;
            WindowBefore[i] = Math.Clamp(rule.WindowBefore, 0, maxWindow);
            WindowAfter[i] = Math.Clamp(rule.WindowAfter, 0, maxWindow);
            ConfidenceRank[i] = (int)rule.Metadata.Confidence;
            Generic[i] = rule.IsGeneric;
            ChecksHits[i] = rule.ChecksHits;
            if (rule.RequiresWholeBuffer || !HasKeyword(rule.Keywords))
            {
                wholeBuffer.Add(i);
            }

            indexById.Add(rule.Metadata.Id, i);
        }

        WholeBufferRules = [.. wholeBuffer];
        Keywords = new KeywordIndex(keywords);
        superseded = new bool[count * count];
        var widestWindow = 0;
        for (var i = 0; i < count; i++)
        {
            foreach (var id in this.rules[i].Supersedes)
            {
                if (indexById.TryGetValue(id, out var loser))
                {
                    superseded[(i * count) + loser] = true;
                }
            }

            widestWindow = Math.Max(widestWindow, WindowBefore[i] + WindowAfter[i] + Keywords.MaxKeywordLength);
        }

        ChunkOverlap = Math.Max(widestWindow, Options.DecodeDepth > 0 ? Options.MaxEncodedRunLength : 0) + 64;
        ChunkSize = Math.Max(Options.ChunkSize, 4 * ChunkOverlap);
    }

    public IReadOnlyList<SecretPattern> Rules => rules;

    public SecretDetectorOptions Options { get; }

    /// <summary>
    /// The margin kept on each side of a chunk's owned range: at least the widest rule window (before + keyword + after)
    /// and the longest encoded run that is decoded. Consecutive chunks share twice this many characters.
    /// </summary>
    public int ChunkOverlap { get; }

    /// <summary>Characters per chunk actually used (the configured size, raised to at least four overlaps).</summary>
    public int ChunkSize { get; }

    internal KeywordIndex Keywords { get; }

    internal int[] WindowBefore { get; }

    internal int[] WindowAfter { get; }

    internal int[] WholeBufferRules { get; }

    internal int[] ConfidenceRank { get; }

    internal bool[] Generic { get; }

    /// <summary>Per rule: whether it looks at each keyword hit first (<see cref="SecretPattern.IsPlausibleHit"/>).</summary>
    internal bool[] ChecksHits { get; }

    /// <summary>Whether rule <paramref name="winner"/> supersedes rule <paramref name="loser"/> (<see cref="SecretPattern.Supersedes"/>; by index).</summary>
    internal bool Supersedes(int winner, int loser) => superseded[(winner * rules.Length) + loser];

    internal SecretPattern RuleAt(int index) => rules[index];

    private static bool HasKeyword(IReadOnlyList<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            if (!string.IsNullOrEmpty(keyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The rule's pattern with <see cref="SecretDetectorOptions.RetryTimeout"/>, for retrying a window that timed out.
    /// Built on first use (an interpreted copy: same pattern and options), so scans that never time out never pay for it.
    /// </summary>
    internal Regex LenientPattern(int index)
    {
        var existing = Volatile.Read(ref lenientPatterns[index]);
        if (existing is not null)
        {
            return existing;
        }

        var pattern = rules[index].Pattern;
        var lenient = new Regex(pattern.ToString(), pattern.Options, Options.RetryTimeout);
        return Interlocked.CompareExchange(ref lenientPatterns[index], lenient, null) ?? lenient;
    }

    /// <summary>A region scanner for one input, with a fresh timeout budget; give it back with <see cref="ReturnScanner"/>.</summary>
    internal RegionScanner RentScanner() =>
        idleScanners.TryTake(out var scanner) ? scanner : new RegionScanner(this, new TimeoutBudget(rules.Length), Options.DecodeDepth);

    /// <summary>Takes back a scanner whose input is done (its matches and gaps were taken already).</summary>
    internal void ReturnScanner(RegionScanner scanner)
    {
        scanner.Reset();
        idleScanners.Add(scanner);
    }

    /// <summary>
    /// Every secret in <paramref name="text"/>, ordered by offset. Offsets are into <paramref name="text"/>; secrets
    /// found inside encoded content cover the encoded run and carry <see cref="SecretMatch.Encoding"/>.
    /// </summary>
    public IReadOnlyList<SecretMatch> Detect(string text) => Detect(text, null);

    /// <summary>
    /// Like <see cref="Detect(string)"/>, and adds to <paramref name="gaps"/> every window a rule could not check
    /// because its pattern timed out (see <see cref="SecretDetectorOptions.RetryTimeout"/>).
    /// </summary>
    public IReadOnlyList<SecretMatch> Detect(string text, ICollection<ScanGap>? gaps)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<SecretMatch>();
        var scanner = RentScanner();
        foreach (var chunk in ChunksOf(text.Length))
        {
            foreach (var match in scanner.Scan(text.AsMemory(), chunk.Start, chunk.End, chunk.OwnStart, chunk.OwnEnd))
            {
                if (match.SecretStart >= chunk.OwnStart && match.SecretStart < chunk.OwnEnd)
                {
                    found.Add(new SecretMatch(rules[match.Rule], match.Secret, match.SecretStart, match.SecretLength, match.MatchStart, match.MatchLength)
                    {
                        Encoding = match.Encoding,
                    });
                }
            }

            TakeGaps(scanner.Budget, 0, gaps);
        }

        ReturnScanner(scanner);
        return found;
    }

    /// <summary>Moves the gaps of the chunk just scanned to the caller's list, placed at <paramref name="textOffset"/>.</summary>
    private void TakeGaps(TimeoutBudget budget, long textOffset, ICollection<ScanGap>? gaps)
    {
        if (gaps is not null)
        {
            foreach (var (rule, offset) in budget.Gaps.Distinct())
            {
                gaps.Add(new ScanGap(rules[rule], textOffset + offset));
            }
        }

        budget.Gaps.Clear();
    }

    /// <summary>The regions of a text processed one at a time: whole when short, else overlapping chunks.</summary>
    private IEnumerable<Chunk> ChunksOf(int length)
    {
        if (length <= ChunkSize)
        {
            yield return new Chunk(0, length, 0, length);
            yield break;
        }

        var start = 0;
        while (true)
        {
            var end = Math.Min(length, start + ChunkSize);
            var last = end == length;
            yield return new Chunk(start, end, start == 0 ? 0 : start + ChunkOverlap, last ? end : end - ChunkOverlap);
            if (last)
            {
                yield break;
            }

            start = end - (2 * ChunkOverlap);
        }
    }

    /// <summary>A region [Start, End) of a buffer, of which matches starting in [OwnStart, OwnEnd) are reported.</summary>
    private readonly record struct Chunk(int Start, int End, int OwnStart, int OwnEnd);
}
