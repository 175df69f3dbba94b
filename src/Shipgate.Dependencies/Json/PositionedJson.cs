using System.Text;
using System.Text.Json;
using Shipgate.Core;

namespace Shipgate.Dependencies.Json;

/// <summary>Parses JSON (optionally JSONC: comments and trailing commas) into <see cref="JsonNode"/>s with line numbers.</summary>
internal static class PositionedJson
{
    /// <summary>Nesting limit: lockfiles are shallow, and a deep document is an attack, not a lockfile.</summary>
    public const int MaxDepth = 128;

    public static JsonNode Parse(string content, bool allowCommentsAndTrailingCommas = false)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var lines = new ByteLines(bytes);
        var options = new JsonReaderOptions
        {
            MaxDepth = MaxDepth,
            AllowTrailingCommas = allowCommentsAndTrailingCommas,
            CommentHandling = allowCommentsAndTrailingCommas ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
        };
        var reader = new Utf8JsonReader(bytes, options);
        try
        {
            if (!reader.Read())
            {
                throw new InputFormatException("The file is empty; expected a JSON document.", 1, 1);
            }

            var root = ReadValue(ref reader, lines);
            if (reader.Read())
            {
                var (line, column) = lines.PositionOf(reader.TokenStartIndex);
                throw new InputFormatException("Unexpected content after the end of the JSON document.", line, column);
            }

            return root;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            throw new InputFormatException($"Invalid JSON: {FirstSentence(ex.Message)}", line, column);
        }
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader, ByteLines lines)
    {
        var line = lines.PositionOf(reader.TokenStartIndex).Line;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<KeyValuePair<string, JsonNode>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    members.Add(new(name, ReadValue(ref reader, lines)));
                }

                return JsonNode.Object(line, members);
            case JsonTokenType.StartArray:
                var items = new List<JsonNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines));
                }

                return JsonNode.Array(line, items);
            case JsonTokenType.String:
                return JsonNode.Value(JsonValueKind.String, line, reader.GetString());
            case JsonTokenType.Number:
                return JsonNode.Value(JsonValueKind.Number, line, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return JsonNode.Value(JsonValueKind.True, line, "true");
            case JsonTokenType.False:
                return JsonNode.Value(JsonValueKind.False, line, "false");
            default:
                return JsonNode.Value(JsonValueKind.Null, line, null);
        }
    }

    /// <summary>The reader's message without its position suffix and its advice to change reader options.</summary>
    private static string FirstSentence(string message)
    {
        var text = message;
        foreach (var marker in new[] { " LineNumber:", " Path:", " Change the reader options." })
        {
            var cut = text.IndexOf(marker, StringComparison.Ordinal);
            text = cut < 0 ? text : text[..cut];
        }

        text = text.Trim();
        return text.EndsWith('.') ? text : text + ".";
    }

    /// <summary>Line starts of a UTF-8 buffer, for turning reader byte offsets into line numbers.</summary>
    private sealed class ByteLines
    {
        private readonly int[] starts;

        public ByteLines(byte[] bytes)
        {
            var list = new List<int> { 0 };
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    list.Add(i + 1);
                }
            }

            starts = [.. list];
        }

        public (int Line, int Column) PositionOf(long offset)
        {
            var index = Array.BinarySearch(starts, (int)offset);
            if (index < 0)
            {
                index = ~index - 1;
            }

            return (index + 1, (int)offset - starts[index] + 1);
        }
    }
}
