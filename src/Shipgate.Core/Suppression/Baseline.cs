using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shipgate.Core;

/// <summary>
/// A set of known findings that should not fail the build, keyed by fingerprint. The file is versioned,
/// sorted and has one entry per fingerprint, so two branches that each add entries merge cleanly.
/// Immutable once loaded.
/// </summary>
public sealed class Baseline
{
    public const int CurrentVersion = 1;

    private readonly Dictionary<string, BaselineEntry> entries;

    public Baseline(IEnumerable<BaselineEntry> entries)
    {
        this.entries = new Dictionary<string, BaselineEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            this.entries.TryAdd(entry.Fingerprint, entry);
        }
    }

    public int Count => entries.Count;

    public IEnumerable<BaselineEntry> Entries => entries.Values.OrderBy(e => e.Fingerprint, StringComparer.Ordinal);

    public bool TryGet(string fingerprint, out BaselineEntry entry) => entries.TryGetValue(fingerprint, out entry!);

    public static Baseline FromFindings(IEnumerable<Finding> findings) =>
        new(findings.Select(f => new BaselineEntry(f.Fingerprint, f.RuleId, f.Location.Path, null)));

    /// <summary>Reads a baseline file. Malformed content throws <see cref="InputFormatException"/> with the position.</summary>
    public static Baseline Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static Baseline Read(Stream stream)
    {
        BaselineDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(stream, BaselineJsonContext.Default.BaselineDocument);
        }
        catch (JsonException ex)
        {
            throw new InputFormatException($"not a valid baseline file: {FirstSentence(ex.Message)}", (int?)(ex.LineNumber + 1), (int?)(ex.BytePositionInLine + 1));
        }

        if (document is null || document.Version is null)
        {
            throw new InputFormatException("not a valid baseline file: missing \"version\"");
        }

        if (document.Version != CurrentVersion)
        {
            throw new InputFormatException($"baseline version {document.Version} is not supported (expected {CurrentVersion})");
        }

        return new Baseline(document.Entries ?? []);
    }

    public void Write(Stream stream)
    {
        var document = new BaselineDocument { Version = CurrentVersion, Tool = "shipgate", Entries = [.. Entries] };
        JsonSerializer.Serialize(stream, document, BaselineJsonContext.Default.BaselineDocument);
        stream.WriteByte((byte)'\n');
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}

/// <summary>One accepted finding: its fingerprint, and for humans the rule and where it was first seen.</summary>
public sealed record BaselineEntry(
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

internal sealed class BaselineDocument
{
    [JsonPropertyName("version")]
    public int? Version { get; set; }

    [JsonPropertyName("tool")]
    public string? Tool { get; set; }

    [JsonPropertyName("entries")]
    public List<BaselineEntry>? Entries { get; set; }
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(BaselineDocument))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
