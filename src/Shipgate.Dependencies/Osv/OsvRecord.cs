using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shipgate.Dependencies.Osv;

/// <summary>
/// The part of an OSV record (https://ossf.github.io/osv-schema/) that matching and reporting need: identity, aliases,
/// severity (with <c>database_specific.cwe_ids</c>) and the affected packages, plus the free text an SBOM's
/// vulnerability entry shows (<c>details</c>, references), which the store keeps apart (<see cref="Text"/>) so scans
/// never decode it. Credits, affected functions and the rest of the <c>*_specific</c> objects are dropped on import.
/// Immutable once read.
/// </summary>
public sealed record OsvRecord
{
    private readonly IReadOnlyList<string> aliases = [];
    private readonly IReadOnlyList<OsvSeverity> severity = [];
    private readonly IReadOnlyList<OsvAffected> affected = [];

    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("modified")]
    public string Modified { get; init; } = "";

    [JsonPropertyName("published")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Published { get; init; }

    [JsonPropertyName("withdrawn")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Withdrawn { get; init; }

    [JsonPropertyName("aliases")]
    public IReadOnlyList<string> Aliases { get => aliases; init => aliases = value ?? []; }

    [JsonPropertyName("summary")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Summary { get; init; }

    [JsonPropertyName("details")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Details { get; init; }

    [JsonPropertyName("severity")]
    public IReadOnlyList<OsvSeverity> Severity { get => severity; init => severity = value ?? []; }

    [JsonPropertyName("affected")]
    public IReadOnlyList<OsvAffected> Affected { get => affected; init => affected = value ?? []; }

    /// <summary>Null when the record has none (and in records read back from the store: see <see cref="Text"/>).</summary>
    [JsonPropertyName("references")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OsvReference>? References { get; init; }

    /// <summary>
    /// Only <c>severity</c> (GitHub's LOW/MODERATE/HIGH/CRITICAL) and <c>cwe_ids</c> are read from it; the rest is
    /// dropped.
    /// </summary>
    [JsonPropertyName("database_specific")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OsvSpecific? DatabaseSpecific { get; init; }

    /// <summary>A malicious-package report (the OpenSSF <c>MAL-</c> records), always critical.</summary>
    [JsonIgnore]
    public bool IsMalicious => Id.StartsWith("MAL-", StringComparison.Ordinal);

    /// <summary>The free text (details, references), or null when there is none.</summary>
    [JsonIgnore]
    public OsvText? Text => Details is null && References is not { Count: > 0 } ? null : new OsvText(Details, References);

    /// <summary>The record without its free text: what the store's <c>vulns</c> table keeps.</summary>
    public OsvRecord WithoutText() => this with { Details = null, References = null };
}

/// <summary>
/// The free text of a record, kept in the store's <c>texts</c> table and read only for the records an SBOM lists.
/// </summary>
public sealed record OsvText(
    [property: JsonPropertyName("details")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Details,
    [property: JsonPropertyName("references")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<OsvReference>? References);

/// <summary>A severity entry: <c>type</c> is CVSS_V2, CVSS_V3, CVSS_V4 or Ubuntu; <c>score</c> is a vector or a word.</summary>
public sealed record OsvSeverity(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("score")] string Score);

/// <summary>A reference: <c>type</c> is ADVISORY, ARTICLE, DETECTION, DISCUSSION, REPORT, FIX, INTRODUCED, PACKAGE, EVIDENCE or WEB.</summary>
public sealed record OsvReference(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("url")] string Url);

/// <summary>One affected package with its ranges and explicit versions.</summary>
public sealed record OsvAffected
{
    private readonly IReadOnlyList<OsvRange> ranges = [];
    private readonly IReadOnlyList<string> versions = [];
    private readonly IReadOnlyList<OsvSeverity> severity = [];

    [JsonPropertyName("package")]
    public OsvPackage? Package { get; init; }

    [JsonPropertyName("ranges")]
    public IReadOnlyList<OsvRange> Ranges { get => ranges; init => ranges = value ?? []; }

    [JsonPropertyName("versions")]
    public IReadOnlyList<string> Versions { get => versions; init => versions = value ?? []; }

    [JsonPropertyName("severity")]
    public IReadOnlyList<OsvSeverity> Severity { get => severity; init => severity = value ?? []; }

    [JsonPropertyName("database_specific")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OsvSpecific? DatabaseSpecific { get; init; }

    [JsonPropertyName("ecosystem_specific")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OsvSpecific? EcosystemSpecific { get; init; }
}

public sealed record OsvPackage(
    [property: JsonPropertyName("ecosystem")] string Ecosystem,
    [property: JsonPropertyName("name")] string Name)
{
    [JsonPropertyName("purl")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Purl { get; init; }
}

/// <summary>A range: <c>type</c> is ECOSYSTEM, SEMVER or GIT; events are in the order the record gives them.</summary>
public sealed record OsvRange
{
    private readonly IReadOnlyList<OsvEvent> events = [];

    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    [JsonPropertyName("repo")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Repo { get; init; }

    [JsonPropertyName("events")]
    public IReadOnlyList<OsvEvent> Events { get => events; init => events = value ?? []; }
}

/// <summary>One event; exactly one of its four fields is set in a valid record.</summary>
public sealed record OsvEvent
{
    [JsonPropertyName("introduced")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Introduced { get; init; }

    [JsonPropertyName("fixed")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Fixed { get; init; }

    [JsonPropertyName("last_affected")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastAffected { get; init; }

    [JsonPropertyName("limit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Limit { get; init; }
}

/// <summary>
/// The part of a <c>database_specific</c> or <c>ecosystem_specific</c> object Shipgate reads: its <c>severity</c> word,
/// when it is a string, and its <c>cwe_ids</c> (GitHub's <c>CWE-79</c> strings), when they are strings. Everything
/// else in the object (and a value that is not an object) is skipped on reading.
/// </summary>
[JsonConverter(typeof(OsvSpecificConverter))]
public sealed record OsvSpecific(string? Severity, IReadOnlyList<string>? CweIds = null);

/// <summary>
/// Reads <see cref="OsvSpecific"/> without materialising the rest of the object; writes
/// <c>{"severity": …, "cwe_ids": […]}</c>.
/// </summary>
internal sealed class OsvSpecificConverter : JsonConverter<OsvSpecific>
{
    /// <summary>Longer strings in <c>cwe_ids</c> are not CWE ids and are skipped.</summary>
    private const int MaxCweIdLength = 32;

    public override OsvSpecific? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? severity = null;
        List<string>? cweIds = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSeverity = reader.ValueTextEquals("severity"u8);
            var isCweIds = !isSeverity && reader.ValueTextEquals("cwe_ids"u8);
            reader.Read();
            if (isSeverity && reader.TokenType == JsonTokenType.String)
            {
                severity = reader.GetString();
            }
            else if (isCweIds && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 and <= MaxCweIdLength } id)
                    {
                        (cweIds ??= []).Add(id);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return new OsvSpecific(severity, cweIds);
    }

    public override void Write(Utf8JsonWriter writer, OsvSpecific value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        if (value.Severity is { } severity)
        {
            writer.WriteString("severity"u8, severity);
        }

        if (value.CweIds is { Count: > 0 } cweIds)
        {
            writer.WriteStartArray("cwe_ids"u8);
            foreach (var id in cweIds)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Default, AllowTrailingCommas = false, ReadCommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64)]
[JsonSerializable(typeof(OsvRecord))]
[JsonSerializable(typeof(OsvText))]
internal sealed partial class OsvJsonContext : JsonSerializerContext;
