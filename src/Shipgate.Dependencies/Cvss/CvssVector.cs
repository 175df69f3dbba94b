namespace Shipgate.Dependencies.Cvss;

/// <summary>The metric → value pairs of a CVSS vector string, checked against the version's allowed values.</summary>
internal static class CvssVector
{
    /// <summary>
    /// Splits <c>PREFIX/M:V/M:V…</c>. Every metric must be known, appear once and have an allowed value; the
    /// mandatory ones must all be there. Returns null for anything else.
    /// </summary>
    public static Dictionary<string, char>? Parse(string vector, string prefix, IReadOnlyDictionary<string, string> allowed, IReadOnlyCollection<string> mandatory)
    {
        if (!vector.StartsWith(prefix, StringComparison.Ordinal) || vector.Length > 256)
        {
            return null;
        }

        var metrics = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var part in vector[prefix.Length..].Split('/'))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon != part.Length - 2)
            {
                return null;
            }

            var name = part[..colon];
            var value = part[^1];
            if (!allowed.TryGetValue(name, out var values) || !values.Contains(value, StringComparison.Ordinal) || !metrics.TryAdd(name, value))
            {
                return null;
            }
        }

        return mandatory.All(metrics.ContainsKey) ? metrics : null;
    }
}
