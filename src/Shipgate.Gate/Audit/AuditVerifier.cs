using System.Buffers;
using System.Text.Json;

namespace Shipgate.Gate.Audit;

/// <summary>
/// Verifies a JSON Lines audit export offline (see <see cref="AuditExportWriter"/> for the format), in one streaming
/// pass with O(log n) memory: every leaf hash is recomputed from the canonical entry, sequence numbers must run
/// without gap or repeat, the Merkle root recomputed incrementally (<see cref="MerkleFrontier"/>, O(log n) per
/// checkpoint) at every checkpoint must equal the checkpoint's, every checkpoint's signature must be valid (checked
/// in parallel batches on the thread pool while the stream is read), the last line must be a checkpoint of the whole
/// export (or one given separately), and checkpoints the auditor kept from earlier must be consistent prefixes of
/// this log. The first problem stops verification and names the first bad sequence number (or, when only a checkpoint
/// of a range disagrees, the range); an export that cannot be read throws <see cref="AuditExportFormatException"/>.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Longest line accepted (entries are at most 64 KiB; this leaves room for escaping).</summary>
    public const int MaxLineBytes = 1024 * 1024;

    public static async Task<AuditVerification> VerifyAsync(Stream export, CheckpointVerifier publicKey, IReadOnlyList<SignedCheckpoint>? trusted = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(publicKey);
        var state = new State(publicKey, trusted ?? []);
        var lines = new LineReader(export);
        try
        {
            while (await lines.NextAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line.IsEmpty)
                {
                    continue;
                }

                if (state.Process(line.Span, lines.LineNumber) is { } failure)
                {
                    return await state.SignaturesAsync().ConfigureAwait(false) ?? failure;
                }

                await state.ThrottleAsync().ConfigureAwait(false);
            }

            return await state.SignaturesAsync().ConfigureAwait(false) ?? state.Finish();
        }
        finally
        {
            await state.SignaturesAsync().ConfigureAwait(false);
        }
    }

    private sealed class State(CheckpointVerifier key, IReadOnlyList<SignedCheckpoint> trusted)
    {
        private MerkleFrontier _frontier = new();
        private readonly List<SignedCheckpoint> _trusted = [.. trusted.OrderBy(c => c.Checkpoint.TreeSize)];
        private int _nextTrusted;
        private long _start;
        private bool _seenLine;
        private long _entries;
        private long _checkpoints;
        private SignedCheckpoint? _lastMatching;
        private SignedCheckpoint? _lastCheckpoint;
        private long _lastCheckpointSize = -1;

        // Checkpoints whose root matched, waiting for their signature check; batches run on the thread pool.
        private const int SignatureBatch = 256;
        private List<(SignedCheckpoint Checkpoint, long Line)> _batch = [];
        private readonly Queue<Task<(SignedCheckpoint Checkpoint, long Line)?>> _signatureTasks = new();
        private (SignedCheckpoint Checkpoint, long Line)? _badSignature;

        public AuditVerification? Process(ReadOnlySpan<byte> line, long lineNumber)
        {
            var first = !_seenLine;
            _seenLine = true;
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 16 });
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
                {
                    throw Bad(lineNumber, "expected a JSON object with a 'seq', 'checkpoint' or 'prefix' member");
                }

                if (reader.ValueTextEquals("prefix"u8))
                {
                    if (!first)
                    {
                        throw Bad(lineNumber, "a 'prefix' line may only be the first line");
                    }

                    ReadPrefix(ref reader, lineNumber);
                    return CheckTrusted(lineNumber);
                }

                if (reader.ValueTextEquals("checkpoint"u8))
                {
                    _checkpoints++;
                    var checkpoint = ReadCheckpoint(ref reader, lineNumber);
                    _lastCheckpoint = checkpoint;
                    return OnCheckpoint(checkpoint, lineNumber);
                }

                return OnEntry(ref reader, line, lineNumber);
            }
            catch (JsonException ex)
            {
                throw Bad(lineNumber, $"not valid JSON: {ex.Message}");
            }
        }

        private void ReadPrefix(ref Utf8JsonReader reader, long lineNumber)
        {
            Expect(ref reader, JsonTokenType.StartObject, lineNumber, "'prefix' must be an object");
            long? size = null;
            var hashes = new List<byte[]>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("treeSize"u8))
                {
                    reader.Read();
                    size = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var s) && s >= 0 ? s : throw Bad(lineNumber, "prefix treeSize must be a non-negative integer");
                }
                else if (reader.ValueTextEquals("frontier"u8))
                {
                    Expect(ref reader, JsonTokenType.StartArray, lineNumber, "prefix frontier must be an array");
                    while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        hashes.Add(Hash(reader.GetString(), lineNumber, "prefix frontier"));
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (size is null)
            {
                throw Bad(lineNumber, "prefix has no treeSize");
            }

            try
            {
                _frontier = MerkleFrontier.FromNodes(size.Value, hashes);
            }
            catch (ArgumentException ex)
            {
                throw Bad(lineNumber, ex.Message);
            }

            _start = size.Value;
        }

        private AuditVerification? OnEntry(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, long lineNumber)
        {
            long? seq = null;
            long? inner = null;
            Span<byte> leafHash = stackalloc byte[MerkleTree.HashSize];
            var haveLeaf = false;
            ReadOnlySpan<byte> raw = default;
            var haveRaw = false;
            do
            {
                if (reader.ValueTextEquals("seq"u8))
                {
                    reader.Read();
                    seq = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var s) && s >= 0 ? s : throw Bad(lineNumber, "'seq' must be a non-negative integer");
                }
                else if (reader.ValueTextEquals("leafHash"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || !TryHex(reader.ValueSpan, leafHash))
                    {
                        Hash(reader.TokenType == JsonTokenType.String ? reader.GetString() : null, lineNumber, "leafHash").CopyTo(leafHash);
                    }

                    haveLeaf = true;
                }
                else if (reader.ValueTextEquals("entry"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw Bad(lineNumber, "'entry' must be an object");
                    }

                    // One pass over the entry: its own "seq" is read on the way, everything else skipped.
                    var start = (int)reader.TokenStartIndex;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isSeq = reader.ValueTextEquals("seq"u8);
                        reader.Read();
                        if (isSeq && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var s))
                        {
                            inner = s;
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    raw = line[start..(int)reader.BytesConsumed];
                    haveRaw = true;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName);

            if (seq is null || !haveLeaf || !haveRaw)
            {
                throw Bad(lineNumber, "an entry line needs 'seq', 'leafHash' and 'entry'");
            }

            var expected = _frontier.Size;
            if (seq.Value != expected)
            {
                return seq.Value < expected
                    ? Fail(expected, $"line {lineNumber}: entry {seq} appears again or out of order where entry {expected} was expected (inserted or reordered)")
                    : Fail(expected, $"line {lineNumber}: entry {expected} is missing here (this line holds entry {seq}: removed or reordered)");
            }

            var recomputed = MerkleTree.HashLeaf(raw);
            if (!recomputed.AsSpan().SequenceEqual(leafHash))
            {
                return Fail(expected, $"line {lineNumber}: entry {expected} was edited: its content does not match its recorded leaf hash");
            }

            if (inner != expected)
            {
                return Fail(expected, $"line {lineNumber}: the entry stored as {expected} says it is entry {inner} (moved)");
            }

            _frontier.Append(recomputed);
            _entries++;
            return CheckTrusted(lineNumber);
        }

        /// <summary>Decodes 64 hex digits (either case) without allocating; false when it is anything else.</summary>
        private static bool TryHex(ReadOnlySpan<byte> hex, Span<byte> destination)
        {
            if (hex.Length != 2 * destination.Length)
            {
                return false;
            }

            for (var i = 0; i < destination.Length; i++)
            {
                var high = HexValue(hex[2 * i]);
                var low = HexValue(hex[(2 * i) + 1]);
                if ((high | low) < 0)
                {
                    return false;
                }

                destination[i] = (byte)((high << 4) | low);
            }

            return true;
        }

        private static int HexValue(byte c) => c switch
        {
            >= (byte)'0' and <= (byte)'9' => c - '0',
            >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
            _ => -1,
        };

        private AuditVerification? OnCheckpoint(SignedCheckpoint checkpoint, long lineNumber)
        {
            _lastCheckpointSize = checkpoint.Checkpoint.TreeSize;
            var size = checkpoint.Checkpoint.TreeSize;
            if (size != _frontier.Size)
            {
                return Fail(Math.Min(size, _frontier.Size), $"line {lineNumber}: the checkpoint for tree size {size} stands after entry {_frontier.Size - 1} (moved or entries inserted/removed)");
            }

            return Compare(checkpoint, lineNumber);
        }

        /// <summary>Compares a checkpoint of the current size with the recomputed root; localises a mismatch.</summary>
        private AuditVerification? Compare(SignedCheckpoint checkpoint, long lineNumber)
        {
            var root = _frontier.Root();
            if (root.AsSpan().SequenceEqual(checkpoint.Checkpoint.RootHash))
            {
                _lastMatching = checkpoint;
                QueueSignature(checkpoint, lineNumber);
                return null;
            }

            var where = $"line {lineNumber}: checkpoint";

            var size = checkpoint.Checkpoint.TreeSize;
            if (!key.Verify(checkpoint))
            {
                return Fail(null, $"{where} for tree size {size} has an invalid signature (forged, altered, or signed by another key than {key.KeyId})");
            }

            // A genuine checkpoint disagrees with the entries: the first bad one lies after the last checkpoint that agreed.
            var low = _lastMatching is { } good && key.Verify(good) ? good.Checkpoint.TreeSize : _start;
            return low == size - 1
                ? Fail(low, $"entry {low} was altered: the signed checkpoint for tree size {size} does not match the entries")
                : Fail(low, $"an entry between {low} and {size - 1} was altered: the signed checkpoint for tree size {size} does not match the entries");
        }

        private AuditVerification? CheckTrusted(long lineNumber)
        {
            while (_nextTrusted < _trusted.Count)
            {
                var next = _trusted[_nextTrusted];
                var size = next.Checkpoint.TreeSize;
                if (size < _start)
                {
                    throw Bad(lineNumber, $"the export starts at entry {_start}, after the trusted checkpoint for tree size {size}; export with --since {size} or less");
                }

                if (size > _frontier.Size)
                {
                    return null;
                }

                _nextTrusted++;
                if (!key.Verify(next))
                {
                    return Fail(null, $"the trusted checkpoint for tree size {size} has an invalid signature for key {key.KeyId}");
                }

                if (!_frontier.Root().AsSpan().SequenceEqual(next.Checkpoint.RootHash))
                {
                    // Both sides may be validly signed (a rewritten history re-signed by the gate), so no entry can be blamed.
                    return Fail(null, $"the log does not match the trusted checkpoint for tree size {size}: its history before entry {size} was rewritten (if the export's own checkpoints verify, the gate's key signed two different histories)");
                }
            }

            return null;
        }

        private void QueueSignature(SignedCheckpoint checkpoint, long lineNumber)
        {
            _batch.Add((checkpoint, lineNumber));
            if (_batch.Count >= SignatureBatch)
            {
                SubmitBatch();
            }
        }

        private void SubmitBatch()
        {
            if (_batch.Count == 0)
            {
                return;
            }

            var batch = _batch;
            _batch = [];
            _signatureTasks.Enqueue(Task.Run(() =>
            {
                var bad = key.FirstInvalid(batch.ConvertAll(b => b.Checkpoint));
                return bad < 0 ? default((SignedCheckpoint, long)?) : batch[bad];
            }));
        }

        /// <summary>Keeps at most a few signature batches in flight (memory stays bounded on huge exports).</summary>
        public async Task ThrottleAsync()
        {
            while (_signatureTasks.Count > 2 * Environment.ProcessorCount)
            {
                Record(await _signatureTasks.Dequeue().ConfigureAwait(false));
            }
        }

        /// <summary>Waits for every queued signature check; a failure when one was invalid (it precedes any later problem).</summary>
        public async Task<AuditVerification?> SignaturesAsync()
        {
            SubmitBatch();
            while (_signatureTasks.Count > 0)
            {
                Record(await _signatureTasks.Dequeue().ConfigureAwait(false));
            }

            return _badSignature is var (checkpoint, line)
                ? Fail(null, $"line {line}: the checkpoint for tree size {checkpoint.Checkpoint.TreeSize} has an invalid signature (forged, altered, or signed by another key than {key.KeyId})")
                : null;
        }

        private void Record((SignedCheckpoint Checkpoint, long Line)? bad)
        {
            if (bad is { } b && (_badSignature is null || b.Line < _badSignature.Value.Line))
            {
                _badSignature = b;
            }
        }

        public AuditVerification Finish()
        {
            if (!_seenLine)
            {
                throw new AuditExportFormatException(0, "the export is empty");
            }

            var size = _frontier.Size;
            if (_nextTrusted < _trusted.Count)
            {
                var missing = _trusted[_nextTrusted].Checkpoint.TreeSize;
                if (key.Verify(_trusted[_nextTrusted]))
                {
                    return Fail(size, $"the log is shorter than the trusted checkpoint for tree size {missing}: entries {size} to {missing - 1} are missing (truncated)");
                }

                return Fail(null, $"the trusted checkpoint for tree size {missing} has an invalid signature for key {key.KeyId}");
            }

            var final = _lastCheckpoint is { } last && _lastCheckpointSize == size ? last
                : _trusted.LastOrDefault(c => c.Checkpoint.TreeSize == size);
            if (final is null)
            {
                var covered = _lastCheckpointSize >= 0 ? _lastCheckpointSize : _start;
                return Fail(covered, $"entries {covered} to {size - 1} are not covered by a signed checkpoint (appended after signing, or the final checkpoint was removed)");
            }

            if (!key.Verify(final))
            {
                return Fail(null, $"the final checkpoint for tree size {size} has an invalid signature (forged, altered, or signed by another key than {key.KeyId})");
            }

            return new AuditVerification(true, _start, _entries, _checkpoints, final, null, $"verified {_entries} entries ({_start}..{size - 1}) and {_checkpoints} checkpoint(s); root {Convert.ToHexStringLower(final.Checkpoint.RootHash)} at tree size {size} signed by key {final.KeyId}");
        }

        private AuditVerification Fail(long? firstBad, string message) =>
            new(false, _start, _entries, _checkpoints, null, firstBad, message);

        private static SignedCheckpoint ReadCheckpoint(ref Utf8JsonReader reader, long lineNumber)
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Bad(lineNumber, "'checkpoint' must be an object");
            }

            return ReadCheckpointObject(ref reader, lineNumber);
        }

        private static byte[] Hash(string? hex, long lineNumber, string what)
        {
            if (hex is not { Length: 2 * MerkleTree.HashSize })
            {
                throw Bad(lineNumber, $"{what} must be 64 hex digits");
            }

            try
            {
                return Convert.FromHexString(hex);
            }
            catch (FormatException)
            {
                throw Bad(lineNumber, $"{what} must be 64 hex digits");
            }
        }

        private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, long lineNumber, string message)
        {
            if (!reader.Read() || reader.TokenType != type)
            {
                throw Bad(lineNumber, message);
            }
        }
    }

    /// <summary>Reads a checkpoint object (the reader is on its StartObject) in the <see cref="CheckpointDto"/> shape.</summary>
    internal static SignedCheckpoint ReadCheckpointObject(ref Utf8JsonReader reader, long lineNumber)
    {
        long size = -1;
        string? root = null, timestamp = null, keyId = null, signature = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "treeSize" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var s):
                    size = s;
                    break;
                case "rootHash" when reader.TokenType == JsonTokenType.String:
                    root = reader.GetString();
                    break;
                case "timestamp" when reader.TokenType == JsonTokenType.String:
                    timestamp = reader.GetString();
                    break;
                case "keyId" when reader.TokenType == JsonTokenType.String:
                    keyId = reader.GetString();
                    break;
                case "signature" when reader.TokenType == JsonTokenType.String:
                    signature = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        try
        {
            return SignedCheckpoint.FromDto(new CheckpointDto(size, root!, timestamp!, keyId!, signature!));
        }
        catch (FormatException ex)
        {
            throw Bad(lineNumber, ex.Message);
        }
    }

    /// <summary>Reads a standalone checkpoint file (the JSON written by <see cref="AuditExportWriter.CheckpointJson"/>, or an export's checkpoint line).</summary>
    public static SignedCheckpoint ReadCheckpointFile(ReadOnlySpan<byte> json)
    {
        if (json.Length > MaxLineBytes)
        {
            throw new AuditExportFormatException(1, "a checkpoint file is a few hundred bytes; this one is too large");
        }

        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Bad(1, "expected a JSON checkpoint object");
            }

            var copy = reader;
            if (copy.Read() && copy.TokenType == JsonTokenType.PropertyName && copy.ValueTextEquals("checkpoint"u8))
            {
                reader = copy;
                reader.Read();
            }

            return ReadCheckpointObject(ref reader, 1);
        }
        catch (JsonException ex)
        {
            throw Bad(1, $"not valid JSON: {ex.Message}");
        }
    }

    private static AuditExportFormatException Bad(long lineNumber, string message) => new(lineNumber, message);

    /// <summary>Splits a stream into lines without copying, refusing lines over <see cref="MaxLineBytes"/>.</summary>
    private sealed class LineReader(Stream stream)
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        private int _start;
        private int _end;
        private bool _eof;

        public long LineNumber { get; private set; }

        public async ValueTask<ReadOnlyMemory<byte>?> NextAsync(CancellationToken token)
        {
            while (true)
            {
                var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    var line = _buffer.AsMemory(_start, newline);
                    _start += newline + 1;
                    LineNumber++;
                    return TrimCr(line);
                }

                if (_eof)
                {
                    if (_start == _end)
                    {
                        ArrayPool<byte>.Shared.Return(_buffer);
                        _buffer = [];
                        return null;
                    }

                    var last = _buffer.AsMemory(_start, _end - _start);
                    _start = _end;
                    LineNumber++;
                    return TrimCr(last);
                }

                if (_end - _start > MaxLineBytes)
                {
                    throw new AuditExportFormatException(LineNumber + 1, $"line is longer than {MaxLineBytes} bytes");
                }

                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                if (_end == _buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                    Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = bigger;
                }

                var read = await stream.ReadAsync(_buffer.AsMemory(_end), token).ConfigureAwait(false);
                if (read == 0)
                {
                    _eof = true;
                }

                _end += read;
            }
        }

        private static ReadOnlyMemory<byte> TrimCr(ReadOnlyMemory<byte> line) =>
            line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
    }
}

/// <summary>The outcome of verifying an export.</summary>
/// <param name="Verified">True when every check passed.</param>
/// <param name="FirstSequence">Sequence number of the first exported entry (the prefix size).</param>
/// <param name="Entries">Entries read and checked before stopping.</param>
/// <param name="Checkpoints">Checkpoint lines read.</param>
/// <param name="Final">The verified final checkpoint (when verified).</param>
/// <param name="FirstBadSequence">The first entry found bad, when one can be named.</param>
/// <param name="Message">One line: what was verified, or what is wrong.</param>
public sealed record AuditVerification(bool Verified, long FirstSequence, long Entries, long Checkpoints, SignedCheckpoint? Final, long? FirstBadSequence, string Message);

/// <summary>An export or checkpoint file that cannot be read as one (exit code 2, not a verification failure).</summary>
public sealed class AuditExportFormatException : Exception
{
    public AuditExportFormatException(long lineNumber, string message)
        : base(lineNumber > 0 ? $"line {lineNumber}: {message}" : message)
    {
        LineNumber = lineNumber;
    }

    public AuditExportFormatException()
    {
    }

    public AuditExportFormatException(string message)
        : base(message)
    {
    }

    public AuditExportFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long LineNumber { get; }
}
