namespace Shipgate.Containers.Dockerfiles;

/// <summary>
/// Maps offsets in joined text (an instruction's arguments after continuations were removed) back to offsets in the
/// file. Each segment is a run of characters copied verbatim from one physical line. Immutable.
/// </summary>
internal sealed class SourceMap
{
    private readonly int[] joinedStarts;
    private readonly int[] originalStarts;

    public SourceMap(int[] joinedStarts, int[] originalStarts)
    {
        this.joinedStarts = joinedStarts;
        this.originalStarts = originalStarts;
    }

    public static SourceMap Empty { get; } = new([0], [0]);

    public static SourceMap Shifted(int originalStart) => new([0], [originalStart]);

    public int ToOriginal(int joinedIndex)
    {
        var index = Array.BinarySearch(joinedStarts, joinedIndex);
        if (index < 0)
        {
            index = Math.Max(0, ~index - 1);
        }

        return originalStarts[index] + (joinedIndex - joinedStarts[index]);
    }

    /// <summary>A map for a substring of the joined text that starts at <paramref name="joinedStart"/>.</summary>
    public SourceMap Slice(int joinedStart)
    {
        var starts = new List<int>();
        var originals = new List<int>();
        for (var i = 0; i < joinedStarts.Length; i++)
        {
            var end = i + 1 < joinedStarts.Length ? joinedStarts[i + 1] : int.MaxValue;
            if (end <= joinedStart)
            {
                continue;
            }

            var from = Math.Max(joinedStarts[i], joinedStart);
            starts.Add(from - joinedStart);
            originals.Add(originalStarts[i] + (from - joinedStarts[i]));
        }

        return starts.Count == 0 ? Shifted(ToOriginal(joinedStart)) : new SourceMap([.. starts], [.. originals]);
    }
}
