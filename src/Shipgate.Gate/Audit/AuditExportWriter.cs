using System.Text;
using System.Text.Json;

namespace Shipgate.Gate.Audit;

/// <summary>
/// Writes audit exports. The JSON Lines form (<see cref="AuditExportFormat.Jsonl"/>) has one object per line:
/// <list type="bullet">
/// <item><c>{"prefix":{"treeSize":S,"frontier":["hex",…]}}</c> first when the export starts at S &gt; 0: the
/// roots of the perfect subtrees covering entries [0, S), so the rest still recomputes the full tree's root;</item>
/// <item><c>{"seq":N,"leafHash":"hex","entry":{…}}</c>, where <c>entry</c> is the canonical JSON verbatim;</item>
/// <item><c>{"checkpoint":{"treeSize",…}}</c> right after the entry that completes its tree; the last line is
/// always the signed checkpoint covering the whole export.</item>
/// </list>
/// </summary>
public sealed class AuditExportWriter : IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream _output;
    private readonly AuditExportFormat _format;
    private readonly string _source;
    private readonly MemoryStream _buffer = new();

    /// <param name="output">Where lines go.</param>
    /// <param name="format">JSON Lines or CloudEvents.</param>
    /// <param name="source">CloudEvents <c>source</c> (a URI reference naming this gate's log).</param>
    public AuditExportWriter(Stream output, AuditExportFormat format, string source)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _format = format;
        _source = source;
    }

    public async Task WritePrefixAsync(MerkleFrontier prefix, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (_format != AuditExportFormat.Jsonl || prefix.Size == 0)
        {
            return;
        }

        await WriteLineAsync(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("prefix");
            w.WriteNumber("treeSize", prefix.Size);
            w.WriteStartArray("frontier");
            foreach (var (_, hash) in prefix.Nodes)
            {
                w.WriteStringValue(Convert.ToHexStringLower(hash));
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }, token).ConfigureAwait(false);
    }

    public async Task WriteEntryAsync(StoredAuditEntry entry, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var raw = Encoding.UTF8.GetBytes(entry.Canonical);
        if (_format == AuditExportFormat.Jsonl)
        {
            await WriteLineAsync(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("seq", entry.Sequence);
                w.WriteString("leafHash", Convert.ToHexStringLower(entry.LeafHash));
                w.WritePropertyName("entry");
                w.WriteRawValue(raw, skipInputValidation: true);
                w.WriteEndObject();
            }, token).ConfigureAwait(false);
            return;
        }

        var parsed = AuditEntry.Parse(entry.Canonical);
        await WriteLineAsync(w =>
        {
            w.WriteStartObject();
            w.WriteString("specversion", "1.0");
            w.WriteString("id", entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("source", _source);
            w.WriteString("type", "dev.shipgate.audit." + parsed.Event.Type);
            w.WriteString("time", AuditEntry.FormatTime(parsed.Time));
            w.WriteString("datacontenttype", "application/json");
            if ((parsed.Event.DeploymentId ?? parsed.Event.Environment) is { } subject)
            {
                w.WriteString("subject", subject);
            }

            // CloudEvents' documented "sequence" extension (a string), and the leaf hash for cross-checking.
            w.WriteString("sequence", entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("shipgateleafhash", Convert.ToHexStringLower(entry.LeafHash));
            w.WritePropertyName("data");
            w.WriteRawValue(raw, skipInputValidation: true);
            w.WriteEndObject();
        }, token).ConfigureAwait(false);
    }

    public async Task WriteCheckpointAsync(SignedCheckpoint checkpoint, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (_format != AuditExportFormat.Jsonl)
        {
            return;
        }

        var dto = checkpoint.ToDto();
        await WriteLineAsync(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("checkpoint");
            WriteCheckpointFields(w, dto);
            w.WriteEndObject();
            w.WriteEndObject();
        }, token).ConfigureAwait(false);
    }

    /// <summary>A signed checkpoint as a standalone JSON document (the <c>--checkpoint FILE</c> form).</summary>
    public static string CheckpointJson(SignedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            WriteCheckpointFields(w, checkpoint.ToDto());
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCheckpointFields(Utf8JsonWriter w, CheckpointDto dto)
    {
        w.WriteNumber("treeSize", dto.TreeSize);
        w.WriteString("rootHash", dto.RootHash);
        w.WriteString("timestamp", dto.Timestamp);
        w.WriteString("keyId", dto.KeyId);
        w.WriteString("signature", dto.Signature);
    }

    private async Task WriteLineAsync(Action<Utf8JsonWriter> write, CancellationToken token)
    {
        _buffer.SetLength(0);
        using (var writer = new Utf8JsonWriter(_buffer))
        {
            write(writer);
        }

        _buffer.Write(NewLine);
        await _output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), token).ConfigureAwait(false);
    }

    public void Dispose() => _buffer.Dispose();
}
