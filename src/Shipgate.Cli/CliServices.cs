using Shipgate.Core;

namespace Shipgate.Cli;

/// <summary>How to build one domain scanner, and the category it serves, so a command builds only the scanners it runs.</summary>
internal sealed record ScannerFactory(Category Category, Func<IScanner> Create);

/// <summary>
/// The dependencies every command gets, made once by <see cref="Program"/> (the composition root). Scanners are built
/// on first use and only for the categories a command runs: building one loads its rule types and indexes, and start-up
/// is most of a short scan's time (<c>shipgate secrets</c> never builds the workflow or IaC scanners; <c>version</c> none).
/// </summary>
internal sealed class CliServices
{
    private readonly Lazy<IScanner>[] scanners;
    private readonly Category[] categories;
    private readonly Lazy<IReadOnlyList<RuleMetadata>> allRules;

    public CliServices(CliEnvironment environment, IReadOnlyList<ScannerFactory> factories, ToolInfo tool)
    {
        Environment = environment;
        Tool = tool;
        scanners = [.. factories.Select(f => new Lazy<IScanner>(f.Create, LazyThreadSafetyMode.ExecutionAndPublication))];
        categories = [.. factories.Select(f => f.Category)];
        allRules = new(() => [.. Scanners.SelectMany(s => s.Rules).Select(r => r.Metadata).OrderBy(r => r.Id, StringComparer.Ordinal)]);
    }

    /// <summary>Services over scanners built already (tests that add or replace one).</summary>
    public CliServices(CliEnvironment environment, IReadOnlyList<IScanner> scanners, ToolInfo tool)
        : this(environment, [.. scanners.Select(s => new ScannerFactory(s.Category, () => s))], tool)
    {
    }

    public CliEnvironment Environment { get; }

    public ToolInfo Tool { get; }

    /// <summary>Every scanner, in category order (builds those not built yet).</summary>
    public IReadOnlyList<IScanner> Scanners => ScannersFor(null);

    /// <summary>Every rule of every scanner, by id: for configuration checks and <c>rules</c>. Builds every scanner on first use.</summary>
    public IReadOnlyList<RuleMetadata> AllRules => allRules.Value;

    /// <summary>The scanners of <paramref name="only"/> (every scanner when null), in category order; the others stay unbuilt.</summary>
    public IReadOnlyList<IScanner> ScannersFor(IReadOnlySet<Category>? only)
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

    /// <summary>An engine over the scanners of <paramref name="only"/> (every scanner when null).</summary>
    public ScanEngine CreateEngine(IReadOnlySet<Category>? only = null) => new(ScannersFor(only), Tool, Environment.Time);
}
