using Shipgate.Core;

namespace Shipgate.Cli;

/// <summary>How to build one domain scanner, and the category it serves, so a command builds only the scanners it runs.</summary>
internal sealed record ScannerFactory(Category Category, Func<IScanner> Create);

/// <summary>
/// The domain scanners, each built on first use and at most once (thread-safe). Building one loads its rule types and
/// indexes, which is a good part of a short scan's time: <c>shipgate secrets</c> never builds the workflow or IaC
/// scanners, <c>version</c> none.
/// </summary>
internal sealed class ScannerSet
{
    private readonly Lazy<IScanner>[] scanners;
    private readonly Category[] categories;

    public ScannerSet(IReadOnlyList<ScannerFactory> factories)
    {
        scanners = new Lazy<IScanner>[factories.Count];
        categories = new Category[factories.Count];
        for (var i = 0; i < factories.Count; i++)
        {
            scanners[i] = new Lazy<IScanner>(factories[i].Create, LazyThreadSafetyMode.ExecutionAndPublication);
            categories[i] = factories[i].Category;
        }
    }

    /// <summary>The scanners of <paramref name="only"/> (every scanner when null), in category order; the others stay unbuilt.</summary>
    public IReadOnlyList<IScanner> For(IReadOnlySet<Category>? only)
    {
        var chosen = new List<IScanner>(scanners.Length);
        for (var i = 0; i < scanners.Length; i++)
        {
            if (only is null || only.Contains(categories[i]))
            {
                chosen.Add(scanners[i].Value);
            }
        }

        return chosen;
    }
}
