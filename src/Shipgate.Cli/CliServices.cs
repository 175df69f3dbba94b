using Shipgate.Core;

namespace Shipgate.Cli;

/// <summary>The dependencies every command gets, built once by <see cref="Program"/> (the composition root).</summary>
internal sealed record CliServices(CliEnvironment Environment, IReadOnlyList<IScanner> Scanners, ToolInfo Tool)
{
    public IReadOnlyList<RuleMetadata> AllRules { get; } =
        Scanners.SelectMany(s => s.Rules).Select(r => r.Metadata).OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();

    public ScanEngine CreateEngine() => new(Scanners, Tool, Environment.Time);
}
