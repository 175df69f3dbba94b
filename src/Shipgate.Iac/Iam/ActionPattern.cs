namespace Shipgate.Iac.Iam;

/// <summary>
/// IAM action matching: <c>service:Action</c> names compared case-insensitively, where the pattern may hold
/// <c>*</c> (any run) and <c>?</c> (one character), as AWS evaluates them. Stateless.
/// </summary>
internal static class ActionPattern
{
    /// <summary>Whether <paramref name="pattern"/> (from a policy) grants <paramref name="action"/> (a concrete name).</summary>
    public static bool Matches(string pattern, string action) =>
        Glob(pattern.AsSpan(), action.AsSpan());

    /// <summary>The service prefix (<c>s3</c> of <c>s3:GetObject</c>), or null for <c>*</c> and malformed names.</summary>
    public static string? Service(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? action[..colon] : null;
    }

    /// <summary>The part after the colon, or the whole text.</summary>
    public static string Verb(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? action[(colon + 1)..] : action;
    }

    /// <summary>True for <c>service:*</c>: every action of one service.</summary>
    public static bool IsServiceWildcard(string action)
    {
        var service = Service(action);
        return service is not null && service != "*" && Verb(action) == "*";
    }

    /// <summary>True when the name looks like an action: <c>*</c>, or <c>service:Name</c> with a lower-case-ish service prefix.</summary>
    public static bool IsWellFormed(string action)
    {
        if (action == "*")
        {
            return true;
        }

        var colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == action.Length - 1)
        {
            return false;
        }

        foreach (var c in action.AsSpan(0, colon))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '*' && c != '?')
            {
                return false;
            }
        }

        foreach (var c in action.AsSpan(colon + 1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '*' && c != '?' && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        // Iterative wildcard match with single backtrack point: linear for IAM's short names.
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
