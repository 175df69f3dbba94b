using Shipgate.Secrets.Rules;

namespace Shipgate.Secrets.Detection;

/// <summary>
/// A part of the input one rule could not check: its pattern timed out there, even on the lenient retry, or the rule
/// had already timed out <see cref="SecretDetectorOptions.MaxTimeoutsPerRule"/> times and was skipped. Reported, never
/// silently dropped, so a scan on an overloaded machine says that it may have missed something.
/// </summary>
/// <param name="Rule">The rule whose pattern gave up.</param>
/// <param name="Offset">UTF-16 offset in the whole input where the unchecked window starts (the encoded run, for decoded content).</param>
public sealed record ScanGap(SecretPattern Rule, long Offset);

/// <summary>
/// Regex timeouts of one detector call: the per-rule count, shared by every chunk and decoding level, and the gaps
/// found at this level so far (offsets into the text this level scans).
/// </summary>
internal sealed class TimeoutBudget
{
    public TimeoutBudget(int ruleCount)
        : this(new int[ruleCount])
    {
    }

    private TimeoutBudget(int[] timeouts) => Timeouts = timeouts;

    public int[] Timeouts { get; }

    public List<(int Rule, int Offset)> Gaps { get; } = [];

    /// <summary>A budget for decoded content: the same counts, its own gaps (placed on the encoded run by the caller).</summary>
    public TimeoutBudget Nested() => new(Timeouts);

    /// <summary>Forgets the counts (shared with the nested budgets) and this budget's gaps, for another input.</summary>
    public void Reset()
    {
        Array.Clear(Timeouts);
        Gaps.Clear();
    }
}
