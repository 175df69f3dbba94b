using System.Text.Json;
using Shipgate.Core;

namespace Shipgate.Dependencies.Osv;

/// <summary>Reads OSV records from JSON and writes the compact form the store keeps. Stateless; thread-safe.</summary>
public static class OsvJson
{
    /// <summary>Records larger than this are refused (the largest real OSV records are a few hundred KiB).</summary>
    public const int MaxRecordBytes = 16 * 1024 * 1024;

    /// <summary>Parses one record; malformed JSON or a record without <c>id</c>/<c>modified</c> throws <see cref="InputFormatException"/>.</summary>
    public static OsvRecord Parse(ReadOnlySpan<byte> json)
    {
        if (json.Length > MaxRecordBytes)
        {
            throw new InputFormatException($"The OSV record is larger than {MaxRecordBytes / (1024 * 1024)} MiB.");
        }

        OsvRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(json, OsvJsonContext.Default.OsvRecord);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var column = ex.BytePositionInLine is { } c ? (int)c + 1 : (int?)null;
            throw new InputFormatException($"Not a valid OSV record: {FirstSentence(ex.Message)}", line, column);
        }

        if (record is null || string.IsNullOrWhiteSpace(record.Id))
        {
            throw new InputFormatException("Not a valid OSV record: the 'id' field is missing.");
        }

        if (!TryParseTimestamp(record.Modified, out _))
        {
            throw new InputFormatException($"OSV record {record.Id} has no valid 'modified' timestamp.");
        }

        return Sanitize(record);
    }

    /// <summary>Drops JSON nulls inside lists (<c>"affected": [null]</c>) so nothing downstream meets a null.</summary>
    private static OsvRecord Sanitize(OsvRecord record) => record with
    {
        Aliases = [.. record.Aliases.OfType<string>()],
        Severity = [.. record.Severity.Where(s => s is { Type: not null, Score: not null })],
        References = record.References?.Where(r => r is { Type: not null, Url.Length: > 0 }).ToList() is { Count: > 0 } references ? references : null,
        Affected = [.. record.Affected.OfType<OsvAffected>().Select(a => a with
        {
            Package = a.Package is { Ecosystem: not null, Name: not null } ? a.Package : null,
            Versions = [.. a.Versions.OfType<string>()],
            Severity = [.. a.Severity.Where(s => s is { Type: not null, Score: not null })],
            Ranges = [.. a.Ranges.OfType<OsvRange>().Select(r => r with { Type = r.Type ?? "", Events = [.. r.Events.OfType<OsvEvent>()] })],
        })],
    };

    /// <summary>The compact UTF-8 JSON kept in the store.</summary>
    public static byte[] ToCompactJson(OsvRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, OsvJsonContext.Default.OsvRecord);

    /// <summary>The compact UTF-8 JSON of a record's free text.</summary>
    public static byte[] ToCompactJson(OsvText text) => JsonSerializer.SerializeToUtf8Bytes(text, OsvJsonContext.Default.OsvText);

    /// <summary>Reads a record's free text written by <see cref="ToCompactJson(OsvText)"/>.</summary>
    public static OsvText TextFromCompactJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, OsvJsonContext.Default.OsvText) ?? throw new InputFormatException("Empty text in the vulnerability database.");

    /// <summary>Reads a record written by <see cref="ToCompactJson(OsvRecord)"/>.</summary>
    public static OsvRecord FromCompactJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, OsvJsonContext.Default.OsvRecord) ?? throw new InputFormatException("Empty record in the vulnerability database.");

    /// <summary>RFC 3339 timestamps as OSV writes them, normalised to UTC.</summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>A sortable text form of a timestamp (<c>2024-01-02T03:04:05.0000000Z</c>).</summary>
    public static string SortableTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ') + ".";
    }
}
