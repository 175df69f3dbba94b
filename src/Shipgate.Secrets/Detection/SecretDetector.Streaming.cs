using System.Buffers;
using System.Text;

namespace Shipgate.Secrets.Detection;

public sealed partial class SecretDetector
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Every secret in <paramref name="text"/> with its line and column span, ordered by offset.</summary>
    public IEnumerable<LocatedSecret> Scan(string text) => Scan(text, null);

    /// <summary>
    /// Like <see cref="Scan(string)"/>, and adds to <paramref name="gaps"/>, as the enumeration goes, every window a rule
    /// could not check because its pattern timed out.
    /// </summary>
    public IEnumerable<LocatedSecret> Scan(string text, ICollection<ScanGap>? gaps)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ScanText(text.AsMemory(), gaps);
    }

    /// <summary>
    /// Like <see cref="Scan(string, ICollection{ScanGap})"/> over text in memory the caller owns, such as a file decoded
    /// into a pooled buffer: no copy of the whole text is made. The memory must stay unchanged until the enumeration ends;
    /// nothing yielded refers to it.
    /// </summary>
    public IEnumerable<LocatedSecret> Scan(ReadOnlyMemory<char> text, ICollection<ScanGap>? gaps) => ScanText(text, gaps);

    /// <summary>
    /// Streams <paramref name="reader"/> in overlapping chunks of <see cref="ChunkSize"/> characters and yields every
    /// secret once, with offsets, lines and columns relative to the whole input. Memory stays bounded by the chunk size
    /// whatever the input length. The reader is not disposed.
    /// </summary>
    public IEnumerable<LocatedSecret> Scan(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ScanReader(reader, null, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="Scan(TextReader, CancellationToken)"/> over bytes: UTF-8 unless a byte-order mark says UTF-16 or
    /// UTF-32; invalid bytes become U+FFFD. The stream is not disposed.
    /// </summary>
    public IEnumerable<LocatedSecret> Scan(Stream stream, CancellationToken cancellationToken = default) => Scan(stream, null, cancellationToken);

    /// <summary>Like <see cref="Scan(Stream, CancellationToken)"/>, and reports unchecked windows to <paramref name="gaps"/>.</summary>
    public IEnumerable<LocatedSecret> Scan(Stream stream, ICollection<ScanGap>? gaps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ScanStream(stream, gaps, cancellationToken);
    }

    private IEnumerable<LocatedSecret> ScanStream(Stream stream, ICollection<ScanGap>? gaps, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        foreach (var located in ScanReader(reader, gaps, cancellationToken))
        {
            yield return located;
        }
    }

    private IEnumerable<LocatedSecret> ScanText(ReadOnlyMemory<char> text, ICollection<ScanGap>? gaps)
    {
        var scanner = RentScanner();
        var cursor = new LineCursor();
        foreach (var chunk in ChunksOf(text.Length))
        {
            var matches = scanner.Scan(text, chunk.Start, chunk.End, chunk.OwnStart, chunk.OwnEnd);
            TakeGaps(scanner.Budget, 0, gaps);
            foreach (var located in Place(text, 0, chunk, matches, cursor))
            {
                yield return located;
            }
        }

        ReturnScanner(scanner);
    }

    private IEnumerable<LocatedSecret> ScanReader(TextReader reader, ICollection<ScanGap>? gaps, CancellationToken cancellationToken)
    {
        var budget = new TimeoutBudget(rules.Length);
        var scanner = new RegionScanner(this, budget, Options.DecodeDepth);
        var cursor = new LineCursor();
        var buffer = ArrayPool<char>.Shared.Rent(ChunkSize);
        try
        {
            var length = 0;
            long bufferOffset = 0;
            var first = true;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var endOfInput = false;
                while (length < ChunkSize)
                {
                    var read = reader.Read(buffer, length, ChunkSize - length);
                    if (read == 0)
                    {
                        endOfInput = true;
                        break;
                    }

                    length += read;
                }

                var text = buffer.AsMemory(0, length);
                var chunk = new Chunk(0, length, first ? 0 : ChunkOverlap, endOfInput ? length : length - ChunkOverlap);
                var matches = scanner.Scan(text, chunk.Start, chunk.End, chunk.OwnStart, chunk.OwnEnd);
                TakeGaps(budget, bufferOffset, gaps);
                foreach (var located in Place(text, bufferOffset, chunk, matches, cursor))
                {
                    yield return located;
                }

                if (endOfInput)
                {
                    yield break;
                }

                var keep = 2 * ChunkOverlap;
                Array.Copy(buffer, length - keep, buffer, 0, keep);
                bufferOffset += length - keep;
                length = keep;
                first = false;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Turns the owned matches of one chunk into located secrets, advancing the line cursor through the chunk.</summary>
    private List<LocatedSecret> Place(ReadOnlyMemory<char> memory, long textOffset, Chunk chunk, List<RawMatch> matches, LineCursor cursor)
    {
        var text = memory.Span;
        var placed = new List<LocatedSecret>();
        for (var i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            if (match.SecretStart < chunk.OwnStart || match.SecretStart >= chunk.OwnEnd)
            {
                continue;
            }

            cursor.Advance(text, textOffset, match.SecretStart);
            var startLine = cursor.Line;
            var startColumn = cursor.ColumnOf(textOffset + match.SecretStart);
            var last = match.SecretEnd - 1;
            var inside = text.Slice(match.SecretStart, last - match.SecretStart);
            var breaks = inside.Count('\n');
            var endLine = startLine + breaks;
            var endColumn = breaks == 0 ? startColumn + (last - match.SecretStart) : last - (match.SecretStart + inside.LastIndexOf('\n') + 1) + 1;
            var snippet = Snippets.RedactedLine(text, chunk.Start, chunk.End, (int)Math.Max(cursor.LineStart - textOffset, chunk.Start), matches, i, Options.MaxSnippetContext);
            placed.Add(new LocatedSecret(rules[match.Rule], match.Secret, textOffset + match.SecretStart, match.SecretLength, startLine, startColumn, endLine, endColumn, snippet)
            {
                Encoding = match.Encoding,
            });
        }

        cursor.Advance(text, textOffset, chunk.OwnEnd);
        return placed;
    }

    /// <summary>Tracks the line number and line start at a position as chunks go by; every character is counted once.</summary>
    private sealed class LineCursor
    {
        /// <summary>Absolute offset up to which newlines have been counted.</summary>
        public long Position { get; private set; }

        /// <summary>1-based line at <see cref="Position"/>.</summary>
        public int Line { get; private set; } = 1;

        /// <summary>Absolute offset of the first character of <see cref="Line"/> (possibly in an earlier chunk).</summary>
        public long LineStart { get; private set; }

        public void Advance(ReadOnlySpan<char> text, long textOffset, int target)
        {
            var from = (int)(Position - textOffset);
            if (target <= from)
            {
                return;
            }

            var span = text[from..target];
            var count = span.Count('\n');
            if (count > 0)
            {
                Line += count;
                LineStart = textOffset + from + span.LastIndexOf('\n') + 1;
            }

            Position = textOffset + target;
        }

        public int ColumnOf(long offset) => (int)Math.Min(offset - LineStart + 1, int.MaxValue);
    }
}
