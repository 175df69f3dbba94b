namespace Shipgate.Core;

/// <summary>
/// One problem found by one rule at one place. Immutable; created through <see cref="RuleContext.Report"/>
/// so that the fingerprint is always derived the same way.
/// </summary>
public sealed record Finding
{
    public required RuleMetadata Rule { get; init; }

    /// <summary>Effective severity, after configuration remaps.</summary>
    public required Severity Severity { get; init; }

    public required Confidence Confidence { get; init; }

    /// <summary>A full sentence with the specific values involved (secrets redacted).</summary>
    public required string Message { get; init; }

    public required Location Location { get; init; }

    /// <summary>Stable identity: rule id + path + normalised matched content (never line numbers).</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The source line(s) the finding points at, already redacted where needed.</summary>
    public string? Snippet { get; init; }

    public Fix? Fix { get; init; }

    /// <summary>Extra facts (commit, author, encoding) as sorted key/value pairs.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = EmptyProperties;

    /// <summary>Peer rule ids; defaults to the rule's own list.</summary>
    public IReadOnlyList<string> Equivalents => Rule.Equivalents;

    public string RuleId => Rule.Id;

    public Category Category => Rule.Category;

    private static readonly IReadOnlyDictionary<string, string> EmptyProperties =
        new SortedDictionary<string, string>(StringComparer.Ordinal);
}
