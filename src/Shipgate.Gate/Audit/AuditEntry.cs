using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Shipgate.Gate.Audit;

/// <summary>
/// One audit log entry: the event, the sequence number (0-based leaf index) and the time the log recorded it.
/// Its canonical JSON (see <see cref="CanonicalJson"/>) is what the Merkle leaf hashes; the field names are the
/// camelCase names of <see cref="AuditEvent"/> plus <c>seq</c>, <c>time</c> and the format version <c>v</c>.
/// </summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset Time, AuditEvent Event)
{
    /// <summary>Format version written into every entry (<c>"v":1</c>).</summary>
    public const int FormatVersion = 1;

    /// <summary>Largest canonical entry the log accepts (64 KiB); larger ones are refused, never truncated.</summary>
    public const int MaxCanonicalBytes = 64 * 1024;

    /// <summary>RFC 3339 UTC with milliseconds, the only timestamp form in the log: <c>2026-03-29T01:30:00.000Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses the form written by <see cref="FormatTime"/> (strictly).</summary>
    public static bool TryParseTime(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>The canonical JSON text of this entry.</summary>
    public string ToCanonicalJson()
    {
        var e = Event;
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["v"] = FormatVersion,
            ["seq"] = Sequence,
            ["time"] = FormatTime(Time),
            ["type"] = e.Type,
            ["actor"] = e.Actor,
            ["outcome"] = e.Outcome,
            ["sourceAddress"] = e.SourceAddress,
            ["environment"] = e.Environment,
            ["deploymentId"] = e.DeploymentId,
            ["repository"] = e.Repository,
            ["ref"] = e.Ref,
            ["commit"] = e.Commit,
            ["commitMessage"] = e.CommitMessage,
            ["author"] = e.Author,
            ["workflow"] = e.Workflow,
            ["runId"] = e.RunId,
            ["runNumber"] = e.RunNumber,
            ["details"] = e.Details is { Count: > 0 } d ? d : null,
        };
        return CanonicalJson.Serialize(fields);
    }

    /// <summary>The RFC 6962 leaf hash of a canonical entry: SHA-256(0x00 || UTF-8 bytes).</summary>
    public static byte[] LeafHash(string canonicalJson) => MerkleTree.HashLeaf(Encoding.UTF8.GetBytes(canonicalJson));

    /// <summary>Reads a canonical entry back (for the API and exports); throws <see cref="FormatException"/> on anything else.</summary>
    public static AuditEntry Parse(string canonicalJson)
    {
        try
        {
            using var document = JsonDocument.Parse(canonicalJson, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            string? Get(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            string Need(string name) => Get(name) ?? throw new FormatException($"audit entry has no '{name}'");

            if (!root.TryGetProperty("seq", out var seq) || !seq.TryGetInt64(out var sequence))
            {
                throw new FormatException("audit entry has no integer 'seq'");
            }

            if (!TryParseTime(Get("time"), out var time))
            {
                throw new FormatException("audit entry has no RFC 3339 'time'");
            }

            Dictionary<string, string>? details = null;
            if (root.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object)
            {
                details = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var p in d.EnumerateObject())
                {
                    details[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                }
            }

            var auditEvent = new AuditEvent(
                Need("type"), Need("actor"), Need("outcome"), Get("sourceAddress"), Get("environment"), Get("deploymentId"),
                Get("repository"), Get("ref"), Get("commit"), Get("commitMessage"), Get("author"), Get("workflow"),
                Get("runId"), Get("runNumber"), details);
            return new AuditEntry(sequence, time, auditEvent);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"audit entry is not valid JSON: {ex.Message}", ex);
        }
    }
}
