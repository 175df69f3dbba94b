using System.Text.Json.Serialization;

namespace Shipgate.Reporting.Json;

// The wire shape of JSON report v1, one record per object. docs/schemas/report-v1.schema.json describes the
// same shape; change both together, and only additively: consumers rely on schemaVersion 1 staying readable.
// Property order here is the order in the file.

internal sealed record JsonReport(
    int SchemaVersion,
    JsonTool Tool,
    JsonScan Scan,
    IReadOnlyList<JsonFinding> Findings,
    IReadOnlyList<JsonSuppressed> Suppressed,
    IReadOnlyList<JsonError> Errors,
    IReadOnlyList<JsonSkipped> Skipped,
    JsonSummary Summary);

internal sealed record JsonTool(string Name, string Version, string? Commit);

internal sealed record JsonScan(
    IReadOnlyList<string> Targets,
    string StartedAt,
    long DurationMs,
    int FilesScanned,
    string FailOn,
    JsonRepository? Repository);

internal sealed record JsonRepository(string? Name, string? Commit, string? Branch, string? RemoteUrl);

internal sealed record JsonFinding(
    string RuleId,
    string RuleName,
    string Category,
    string Severity,
    string Confidence,
    string Message,
    JsonLocation Location,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Snippet,
    IReadOnlyList<string> Equivalents,
    string Fingerprint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonFix? Fix,
    string HelpUri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Properties);

internal sealed record JsonLocation(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn);

internal sealed record JsonFix(string Description, IReadOnlyList<JsonTextEdit> Edits);

internal sealed record JsonTextEdit(int Offset, int Length, string NewText);

internal sealed record JsonSuppressed(string RuleId, string Fingerprint, string Path, int Line, string Kind, string Reason);

internal sealed record JsonError(string Path, string Message, int? Line, int? Column);

internal sealed record JsonSkipped(string Path, string Reason);

internal sealed record JsonSummary(
    int Total,
    JsonSeverityCounts BySeverity,
    IReadOnlyDictionary<string, JsonSeverityCounts> ByCategory,
    JsonSuppressedCounts Suppressed,
    int FilesScanned,
    int Errors,
    int Skipped,
    bool FailsThreshold);

internal sealed record JsonSeverityCounts(int Critical, int High, int Medium, int Low, int Info);

internal sealed record JsonSuppressedCounts(int Inline, int Config, int Baseline);
