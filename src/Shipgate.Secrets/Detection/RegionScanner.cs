using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Shipgate.Secrets.Detection;

/// <summary>A match before it is placed: rule index, value, offsets into the scanned string, and what made it specific.</summary>
internal readonly record struct RawMatch(
    int Rule, string Secret, int SecretStart, int SecretLength, int MatchStart, int MatchLength, int KeywordLength, string? Encoding)
{
    public int SecretEnd => SecretStart + SecretLength;
}

/// <summary>
/// Scans one region of a string: keyword hits become per-rule windows (merged while they overlap), each rule's
/// regex runs only inside its windows, matches pass the rule's filters, encoded runs are decoded and scanned one
/// level deeper, and overlaps are resolved. Used by one detector call at a time (it owns scratch lists and the input's
/// timeout budget), then <see cref="Reset"/> and reused by the next (<see cref="SecretDetector.RentScanner"/>); not thread-safe.
/// </summary>
internal sealed class RegionScanner
{
    private readonly SecretDetector detector;
    private readonly TimeoutBudget budget;
    private readonly int depth;
    private readonly bool[] wholeBuffer;
    private readonly int[] lastWindow;
    private readonly List<Window> windows = [];
    private readonly List<EncodedRun> runs = [];
    private RegionScanner? nested;
    private ReadOnlyMemory<char> scannedText;
    private int regionStart;
    private int regionEnd;

    /// <param name="detector">The compiled rule set.</param>
    /// <param name="budget">Regex timeouts so far in this input, shared by every chunk and decoding level.</param>
    /// <param name="depth">How many more encoding layers may be peeled off.</param>
    public RegionScanner(SecretDetector detector, TimeoutBudget budget, int depth)
    {
        this.detector = detector;
        this.budget = budget;
        this.depth = depth;
        lastWindow = new int[detector.Rules.Count];
        wholeBuffer = new bool[detector.Rules.Count];
        foreach (var rule in detector.WholeBufferRules)
        {
            wholeBuffer[rule] = true;
        }
    }

    /// <summary>The timeouts and gaps of the input being scanned.</summary>
    public TimeoutBudget Budget => budget;

    /// <summary>Makes the scanner fresh for another input: no timeouts counted, no gaps at any decoding level.</summary>
    public void Reset()
    {
        budget.Reset();
        for (var level = nested; level is not null; level = level.nested)
        {
            level.budget.Gaps.Clear();
        }
    }

    /// <summary>
    /// The resolved matches in [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>, sorted by
    /// offset. Plain matches are looked for in the whole region (so overlap decisions agree between neighbouring chunks);
    /// encoded runs only where they start in [<paramref name="ownStart"/>, <paramref name="ownEnd"/>).
    /// </summary>
    public List<RawMatch> Scan(ReadOnlyMemory<char> text, int start, int end, int ownStart, int ownEnd)
    {
        scannedText = text;
        regionStart = start;
        regionEnd = end;
        windows.Clear();
        Array.Fill(lastWindow, -1);
        detector.Keywords.FindAll(text.Span[start..end], start, new KeywordSink(this));

        var found = new List<RawMatch>();
        foreach (var window in windows)
        {
            RunRule(text, window.Rule, window.Start, window.End, window.KeywordLength, found);
        }

        foreach (var rule in detector.WholeBufferRules)
        {
            RunRule(text, rule, start, end, 0, found);
        }

        if (depth > 0)
        {
            AddDecoded(text.Span, start, end, ownStart, ownEnd, found);
        }

        scannedText = default;
        return OverlapResolver.Resolve(found, detector);
    }

    /// <summary>
    /// One prefilter hit (through <see cref="KeywordSink"/>): a window for each rule that owns the keyword and does not
    /// reject the hit, merged with that rule's previous window while they overlap.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnKeyword(int offset, KeywordIndex.KeywordEntry entry)
    {
        var keywordLength = entry.Keyword.Length;
        foreach (var rule in entry.Rules)
        {
            if (wholeBuffer[rule] || (detector.ChecksHits[rule] && !detector.RuleAt(rule).IsPlausibleHit(scannedText.Span, offset, entry.Keyword)))
            {
                continue;
            }

            var from = Math.Max(regionStart, offset - detector.WindowBefore[rule]);
            var to = Math.Min(regionEnd, offset + keywordLength + detector.WindowAfter[rule]);
            var last = lastWindow[rule];
            if (last >= 0)
            {
                var window = windows[last];
                if (from <= window.End && to - window.Start <= detector.Options.MaxMergedWindow)
                {
                    windows[last] = new Window(rule, window.Start, Math.Max(window.End, to), Math.Max(window.KeywordLength, keywordLength));
                    continue;
                }
            }

            lastWindow[rule] = windows.Count;
            windows.Add(new Window(rule, from, to, keywordLength));
        }
    }

    private void RunRule(ReadOnlyMemory<char> text, int ruleIndex, int start, int end, int keywordLength, List<RawMatch> found)
    {
        if (end <= start)
        {
            return;
        }

        if (budget.Timeouts[ruleIndex] >= detector.Options.MaxTimeoutsPerRule)
        {
            budget.Gaps.Add((ruleIndex, start));
            return;
        }

        var rule = detector.RuleAt(ruleIndex);
        var before = found.Count;
        try
        {
            RunPattern(rule.Pattern, text, ruleIndex, start, end, keywordLength, found);
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological input for this pattern, or a starved machine: retry the window once with a lenient copy
            // of the pattern. Only when that times out too is the window reported as not checked.
            found.RemoveRange(before, found.Count - before);
            try
            {
                RunPattern(detector.LenientPattern(ruleIndex), text, ruleIndex, start, end, keywordLength, found);
            }
            catch (RegexMatchTimeoutException)
            {
                budget.Timeouts[ruleIndex]++;
                budget.Gaps.Add((ruleIndex, start));
            }
        }
    }

    /// <remarks>
    /// A string is matched in place. Text in a buffer (a file decoded into pooled memory) is first tested without
    /// captures, which allocates nothing; only a window that matches is copied into a string for the captures. Both
    /// see the window as the whole input, as <see cref="Regex.Match(string, int, int)"/> does, so they agree.
    /// </remarks>
    private void RunPattern(Regex pattern, ReadOnlyMemory<char> text, int ruleIndex, int start, int end, int keywordLength, List<RawMatch> found)
    {
        string input;
        int shift;
        if (MemoryMarshal.TryGetString(text, out var whole, out var wholeStart, out _))
        {
            input = whole;
            shift = wholeStart;
        }
        else
        {
            var window = text.Span[start..end];
            if (!pattern.IsMatch(window))
            {
                return;
            }

            input = window.ToString();
            shift = -start;
        }

        var rule = detector.RuleAt(ruleIndex);
        for (var match = pattern.Match(input, start + shift, end - start); match.Success; match = match.NextMatch())
        {
            var group = match.Groups["secret"];
            Capture secretGroup = group.Success ? group : match;
            if (secretGroup.Length == 0)
            {
                continue;
            }

            var secret = secretGroup.Value;
            if (!rule.Accepts(secret, match))
            {
                continue;
            }

            found.Add(new RawMatch(ruleIndex, secret, secretGroup.Index - shift, secretGroup.Length, match.Index - shift, match.Length, keywordLength, null));
        }
    }

    /// <summary>
    /// Decodes the encoded runs that start in the owned range and adds what the detector finds inside, placed on the
    /// run. A rule that also matched in plain text over the run (a base64-looking secret, a token in a URL with escapes)
    /// is reported once: <see cref="OverlapResolver"/> prefers the plain match of the same rule.
    /// </summary>
    private void AddDecoded(ReadOnlySpan<char> text, int start, int end, int ownStart, int ownEnd, List<RawMatch> found)
    {
        runs.Clear();
        EncodedContent.FindRuns(text[start..end], ownStart - start, ownEnd - start, detector.Options.MaxEncodedRunLength, runs);
        if (runs.Count == 0)
        {
            return;
        }

        foreach (var run in runs)
        {
            var runStart = start + run.Start;
            var decoded = EncodedContent.TryDecode(text.Slice(runStart, run.Length), run.Kind);
            if (decoded is null)
            {
                continue;
            }

            nested ??= new RegionScanner(detector, budget.Nested(), depth - 1);
            var name = EncodedContent.Name(run.Kind);
            foreach (var inner in nested.Scan(decoded.AsMemory(), 0, decoded.Length, 0, decoded.Length))
            {
                var encoding = inner.Encoding is null ? name : name + "+" + inner.Encoding;
                found.Add(new RawMatch(inner.Rule, inner.Secret, runStart, run.Length, runStart, run.Length, inner.KeywordLength, encoding));
            }

            foreach (var (rule, _) in nested.budget.Gaps)
            {
                budget.Gaps.Add((rule, runStart));
            }

            nested.budget.Gaps.Clear();
        }
    }

    private readonly record struct Window(int Rule, int Start, int End, int KeywordLength);

    /// <summary>
    /// Hands the prefilter's hits to <see cref="OnKeyword"/>. A struct, so the prefilter is compiled for this sink and
    /// calls it directly: with the scanner itself as the sink, the shared generic code made an interface call per hit.
    /// </summary>
    private readonly struct KeywordSink(RegionScanner scanner) : IKeywordSink
    {
        public void OnKeyword(int offset, KeywordIndex.KeywordEntry entry) => scanner.OnKeyword(offset, entry);
    }
}
