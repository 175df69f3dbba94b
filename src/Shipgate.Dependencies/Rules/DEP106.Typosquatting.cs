using Shipgate.Core;

namespace Shipgate.Dependencies.Rules;

/// <summary>
/// A package whose name is one slip away from a popular package's name (bundled lists for npm, PyPI, crates.io,
/// RubyGems, NuGet and Go): one edit, transposition included (Damerau–Levenshtein distance 1, for names of five or
/// more characters), different separators (<c>reactdom</c>, <c>python_dateutil</c> on npm), look-alike characters
/// (<c>l0dash</c>, <c>rn</c> for <c>m</c>), or a different letter case of a Go module path.
/// </summary>
internal sealed class Typosquatting : DependencyRule
{
    /// <summary>Names shorter than this are not compared by edit distance: too many real packages are one edit apart.</summary>
    private const int MinimumEditLength = 5;

    private static readonly System.Buffers.SearchValues<char> LookalikeDigits = System.Buffers.SearchValues.Create("013457");

    public override RuleMetadata Metadata { get; } = Define(
        "DEP106", "typosquatting", "Package name looks like a typo of a popular package",
        Severity.High, Confidence.Medium,
        ["guarddog:typosquatting"],
        "The package's name differs from a popular package's name by one typing slip: one character added, dropped, changed or swapped, separators changed, or a look-alike digit (0 for o, 1 for l). Attackers publish such names ('crossenv' for 'cross-env', 'python3-dateutil', 'l0dash') with install scripts that steal credentials, and wait for a typo in a package.json or a pip install. The name is compared with hand-compiled lists of a few hundred popular packages per ecosystem; a package that is popular itself is never reported.",
        "Check that the package is the one you meant: compare its registry page, publisher and download count with the popular package named in the finding. If it is a typo, replace it and rotate any secret the install could read. If it is legitimate, list it under 'allow' for DEP106 in .shipgate.yml.",
        tags: ["supply-chain"]);

    public override IEnumerable<Finding> Analyze(DependencyDocument document, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var popular = PopularPackages.Instance;
        var allowed = context.ListOption(this, "allow").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var package in document.Packages)
        {
            var name = PopularPackages.Normalise(package.Ecosystem, package.Name);
            if (popular.Names(package.Ecosystem).Count == 0 || popular.Contains(package.Ecosystem, name)
                || allowed.Contains(package.Name) || allowed.Contains(name) || !reported.Add(name))
            {
                continue;
            }

            if (Resembles(package.Ecosystem, name, popular) is { } hit)
            {
                yield return Report(context, document, package,
                    $"'{package.Name}' looks like a typo of the popular package '{hit.Target}' ({hit.Signal}).", hit.Target);
            }
        }
    }

    /// <summary>The popular name this one imitates and how, or null.</summary>
    internal static (string Target, string Signal)? Resembles(Ecosystem ecosystem, string name, PopularPackages popular)
    {
        var compact = PopularPackages.WithoutSeparators(name);
        var lookalike = Lookalike(name);
        var targets = popular.Names(ecosystem);
        var compactTargets = popular.CompactNames(ecosystem);
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (ecosystem == Ecosystem.Go && string.Equals(name, target, StringComparison.OrdinalIgnoreCase))
            {
                return (target, "same path in different letter case");
            }

            if (compact.Length >= 4 && compact == compactTargets[i] && name != target)
            {
                return (target, "same letters, different separators");
            }

            if (lookalike != name && lookalike == target)
            {
                return (target, "look-alike characters");
            }

            if (target.Length >= MinimumEditLength && Math.Abs(target.Length - name.Length) <= 1 && IsOneEditAway(name, target)
                && !IsVersionOrScopeVariant(name, target))
            {
                return (target, "one character apart");
            }
        }

        return null;
    }

    /// <summary>Names that differ only in a trailing major version digit (<c>yaml.v2</c>/<c>yaml.v3</c>, <c>pgx/v4</c>) are families, not squats.</summary>
    private static bool IsVersionOrScopeVariant(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i < a.Length && i < b.Length && char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[i]) && i > 0 && a[i - 1] is 'v' or '.' or '/';
    }

    /// <summary>Maps look-alike characters to the letters they imitate (<c>0</c>→o, <c>1</c>→l, <c>rn</c>→m, <c>vv</c>→w).</summary>
    private static string Lookalike(string name)
    {
        if (!name.Contains("rn", StringComparison.Ordinal) && !name.Contains("vv", StringComparison.Ordinal) && name.AsSpan().IndexOfAny(LookalikeDigits) < 0)
        {
            return name;
        }

        var mapped = name.Replace("rn", "m", StringComparison.Ordinal).Replace("vv", "w", StringComparison.Ordinal);
        return string.Concat(mapped.Select(c => c switch { '0' => 'o', '1' => 'l', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', _ => c }));
    }

    /// <summary>Damerau–Levenshtein (optimal string alignment) distance exactly 1: one insertion, deletion, substitution or adjacent swap.</summary>
    internal static bool IsOneEditAway(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2)));
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i));
    }
}
