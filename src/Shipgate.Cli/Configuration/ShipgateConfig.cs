using Shipgate.Core;

namespace Shipgate.Cli.Configuration;

/// <summary>
/// The contents of <c>.shipgate.yml</c>, validated. Every field is optional; the command line wins over it.
/// The JSON Schema is <c>docs/schemas/shipgate-config.schema.json</c>.
/// </summary>
internal sealed record ShipgateConfig
{
    public const string FileName = ".shipgate.yml";

    /// <summary>Absolute path of the file this came from, or null for the empty default.</summary>
    public string? SourcePath { get; init; }

    public Severity? FailOn { get; init; }

    public Confidence? MinConfidence { get; init; }

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public long? MaxFileSize { get; init; }

    public bool? GitIgnore { get; init; }

    public bool? IncludeExperimental { get; init; }

    public IReadOnlyList<string> Disable { get; init; } = [];

    public IReadOnlyDictionary<string, Severity> Remap { get; init; } = new Dictionary<string, Severity>();

    public IReadOnlyList<IgnoreEntry> Ignore { get; init; } = [];

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> RuleOptions { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>();

    /// <summary>Absolute path of a baseline file named in the config.</summary>
    public string? Baseline { get; init; }

    /// <summary>Absolute path of the offline OSV database (<c>dependencies.database</c>); <c>--db</c> and <c>SHIPGATE_OSV_DB</c> win.</summary>
    public string? OsvDatabase { get; init; }

    public static ShipgateConfig Empty { get; } = new();
}

/// <summary>A configuration error: one line naming the file and position, exit code 2.</summary>
internal sealed class ConfigException(string message) : Exception(message)
{
    public ConfigException()
        : this("invalid configuration")
    {
    }

    public ConfigException(string message, Exception inner)
        : this(message)
    {
        _ = inner;
    }
}
