using Shipgate.Core;

namespace Shipgate.Cli;

/// <summary>
/// The dependencies every command gets, made once by <see cref="Program"/> (the composition root). Scanners are built
/// on first use and only for the categories a command runs (<see cref="ScannerSet"/>).
/// </summary>
internal sealed class CliServices
{
    private readonly ScannerSet scanners;
    private readonly Lazy<IReadOnlyList<RuleMetadata>> allRules;

    public CliServices(CliEnvironment environment, ScannerSet scanners, ToolInfo tool)
    {
        Environment = environment;
        Tool = tool;
        this.scanners = scanners;
        allRules = new(() => [.. Scanners.SelectMany(s => s.Rules).Select(r => r.Metadata).OrderBy(r => r.Id, StringComparer.Ordinal)]);
    }

    public CliServices(CliEnvironment environment, IReadOnlyList<ScannerFactory> factories, ToolInfo tool)
        : this(environment, new ScannerSet(factories), tool)
    {
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
    public IReadOnlyList<IScanner> ScannersFor(IReadOnlySet<Category>? only) => scanners.For(only);

    /// <summary>An engine over the scanners of <paramref name="only"/> (every scanner when null).</summary>
    public ScanEngine CreateEngine(IReadOnlySet<Category>? only = null) => new(ScannersFor(only), Tool, Environment.Time);
}
