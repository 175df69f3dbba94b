namespace Shipgate.Secrets.Detection;

/// <summary>
/// Decides which of several matches over the same characters survive. Between different rules the more specific
/// one wins: higher confidence, then the longer keyword that triggered it, then the non-generic rule; equally specific
/// rules are all kept. One rule never reports overlapping matches twice: plain text beats decoded text, then the
/// shorter encoding chain, the longer secret and the earlier offset. Stateless.
/// </summary>
internal static class OverlapResolver
{
    /// <summary>The surviving matches, sorted by secret offset. May reorder <paramref name="matches"/>.</summary>
    public static List<RawMatch> Resolve(List<RawMatch> matches, SecretDetector detector)
    {
        matches.Sort(static (a, b) => a.SecretStart != b.SecretStart ? a.SecretStart.CompareTo(b.SecretStart) : b.SecretLength.CompareTo(a.SecretLength));
        if (matches.Count <= 1)
        {
            return matches;
        }

        var result = new List<RawMatch>(matches.Count);
        var cluster = new List<RawMatch>();
        var clusterEnd = int.MinValue;
        foreach (var match in matches)
        {
            if (cluster.Count > 0 && match.SecretStart >= clusterEnd)
            {
                Flush(cluster, result, detector);
            }

            cluster.Add(match);
            clusterEnd = Math.Max(clusterEnd, match.SecretEnd);
        }

        Flush(cluster, result, detector);
        return result;
    }

    /// <summary>Greedy over a group of transitively overlapping matches, best first.</summary>
    private static void Flush(List<RawMatch> cluster, List<RawMatch> result, SecretDetector detector)
    {
        if (cluster.Count == 1)
        {
            result.Add(cluster[0]);
            cluster.Clear();
            return;
        }

        cluster.Sort((a, b) => Rank(b, a, detector));
        var kept = new List<RawMatch>(cluster.Count);
        foreach (var candidate in cluster)
        {
            var beaten = false;
            foreach (var winner in kept)
            {
                if (Overlaps(winner, candidate) && (winner.Rule == candidate.Rule || Specificity(winner, candidate, detector) > 0))
                {
                    beaten = true;
                    break;
                }
            }

            if (!beaten)
            {
                kept.Add(candidate);
            }
        }

        kept.Sort(static (a, b) => a.SecretStart != b.SecretStart ? a.SecretStart.CompareTo(b.SecretStart) : a.Rule.CompareTo(b.Rule));
        result.AddRange(kept);
        cluster.Clear();
    }

    private static bool Overlaps(RawMatch a, RawMatch b) => a.SecretStart < b.SecretEnd && b.SecretStart < a.SecretEnd;

    /// <summary>Positive when <paramref name="a"/> is the more specific rule's match.</summary>
    private static int Specificity(RawMatch a, RawMatch b, SecretDetector detector)
    {
        var byConfidence = detector.ConfidenceRank[a.Rule].CompareTo(detector.ConfidenceRank[b.Rule]);
        if (byConfidence != 0)
        {
            return byConfidence;
        }

        var byKeyword = a.KeywordLength.CompareTo(b.KeywordLength);
        return byKeyword != 0 ? byKeyword : detector.Generic[b.Rule].CompareTo(detector.Generic[a.Rule]);
    }

    /// <summary>A total order, positive when <paramref name="a"/> should be considered before <paramref name="b"/>.</summary>
    private static int Rank(RawMatch a, RawMatch b, SecretDetector detector)
    {
        var order = Specificity(a, b, detector);
        if (order != 0)
        {
            return order;
        }

        order = (a.Encoding is null).CompareTo(b.Encoding is null);
        if (order != 0)
        {
            return order;
        }

        order = (b.Encoding?.Length ?? 0).CompareTo(a.Encoding?.Length ?? 0);
        if (order != 0)
        {
            return order;
        }

        order = a.SecretLength.CompareTo(b.SecretLength);
        if (order != 0)
        {
            return order;
        }

        order = b.SecretStart.CompareTo(a.SecretStart);
        return order != 0 ? order : b.Rule.CompareTo(a.Rule);
    }
}
