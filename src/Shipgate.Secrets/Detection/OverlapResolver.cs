namespace Shipgate.Secrets.Detection;

/// <summary>
/// Decides which of several matches over the same characters survive. Between different rules the more specific
/// one wins (see <see cref="Specificity"/>); equally specific rules are all kept. One rule never reports overlapping matches twice: plain text beats decoded text, then the
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

    /// <summary>
    /// Positive when <paramref name="a"/> is the more specific rule's match: a declared supersession first, then a
    /// format rule over a context rule (a Heroku key in a <c>.netrc</c> is a Heroku key), then text found as written over
    /// text found only after decoding, then confidence, then the longer keyword.
    /// </summary>
    private static int Specificity(RawMatch a, RawMatch b, SecretDetector detector)
    {
        if (a.Rule != b.Rule)
        {
            if (detector.Supersedes(a.Rule, b.Rule))
            {
                return 1;
            }

            if (detector.Supersedes(b.Rule, a.Rule))
            {
                return -1;
            }
        }

        var byGeneric = detector.Generic[b.Rule].CompareTo(detector.Generic[a.Rule]);
        if (byGeneric != 0)
        {
            return byGeneric;
        }

        if (a.Rule != b.Rule)
        {
            var byPlain = (a.Encoding is null).CompareTo(b.Encoding is null);
            if (byPlain != 0)
            {
                return byPlain;
            }
        }

        var byConfidence = detector.ConfidenceRank[a.Rule].CompareTo(detector.ConfidenceRank[b.Rule]);
        return byConfidence != 0 ? byConfidence : a.KeywordLength.CompareTo(b.KeywordLength);
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
