using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shipgate.Reporting.Sarif;

// The subset of the SARIF 2.1.0 object model that Shipgate writes, one record per SARIF object, named as in the
// specification (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html). Null members are omitted.
// Property order here is the order in the file.

internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyList<SarifInvocation> Invocations,
    IReadOnlyDictionary<string, SarifArtifactLocation>? OriginalUriBaseIds,
    IReadOnlyList<SarifResult> Results,
    string ColumnKind);

internal sealed record SarifTool(SarifToolComponent Driver);

internal sealed record SarifToolComponent(
    string Name,
    string Version,
    string SemanticVersion,
    string InformationUri,
    IReadOnlyList<SarifReportingDescriptor> Rules);

internal sealed record SarifReportingDescriptor(
    string Id,
    string Name,
    SarifMultiformatMessage ShortDescription,
    SarifMultiformatMessage FullDescription,
    SarifMultiformatMessage Help,
    string HelpUri,
    SarifReportingConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

internal sealed record SarifMultiformatMessage(string Text, string? Markdown = null);

internal sealed record SarifMessage(string Text);

internal sealed record SarifReportingConfiguration(string Level);

/// <summary>The property bag GitHub code scanning reads (<c>security-severity</c>, <c>precision</c>, <c>tags</c>, <c>problem.severity</c>).</summary>
internal sealed record SarifRuleProperties(
    [property: JsonPropertyName("security-severity")] string SecuritySeverity,
    string Precision,
    IReadOnlyList<string> Tags,
    [property: JsonPropertyName("problem.severity")] string ProblemSeverity);

internal sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyDictionary<string, string> PartialFingerprints,
    IReadOnlyDictionary<string, string> Fingerprints,
    IReadOnlyList<SarifSuppression>? Suppressions,
    IReadOnlyList<SarifFix>? Fixes,
    SarifResultProperties Properties);

/// <summary>A result's property bag: Shipgate's own facts first, then the finding's properties (sorted).</summary>
internal sealed record SarifResultProperties(string Severity, string Confidence, IReadOnlyList<string> Equivalents)
{
    // Settable, not init: System.Text.Json cannot bind extension data through a constructor or initializer.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? FindingProperties { get; set; }
}

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

internal sealed record SarifPhysicalLocation(
    SarifArtifactLocation ArtifactLocation,
    SarifRegion? Region = null,
    SarifRegion? ContextRegion = null);

internal sealed record SarifArtifactLocation(string Uri, string? UriBaseId = null);

/// <summary>A region. Lines and columns are 1-based; <see cref="EndColumn"/> is exclusive, as SARIF defines it.</summary>
internal sealed record SarifRegion(
    int? StartLine = null,
    int? StartColumn = null,
    int? EndLine = null,
    int? EndColumn = null,
    int? CharOffset = null,
    int? CharLength = null,
    SarifArtifactContent? Snippet = null);

internal sealed record SarifArtifactContent(string Text);

internal sealed record SarifSuppression(string Kind, string Justification);

internal sealed record SarifFix(SarifMessage Description, IReadOnlyList<SarifArtifactChange> ArtifactChanges);

internal sealed record SarifArtifactChange(SarifArtifactLocation ArtifactLocation, IReadOnlyList<SarifReplacement> Replacements);

internal sealed record SarifReplacement(SarifRegion DeletedRegion, SarifArtifactContent InsertedContent);

internal sealed record SarifInvocation(
    bool ExecutionSuccessful,
    string StartTimeUtc,
    string EndTimeUtc,
    IReadOnlyList<SarifNotification>? ToolExecutionNotifications);

internal sealed record SarifNotification(string Level, SarifMessage Message, IReadOnlyList<SarifLocation>? Locations);
