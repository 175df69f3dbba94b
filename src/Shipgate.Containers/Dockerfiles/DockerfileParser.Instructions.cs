using System.Text.Json;

namespace Shipgate.Containers.Dockerfiles;

internal static partial class DockerfileParser
{
    private static readonly HashSet<string> FlaggedKeywords = new(StringComparer.Ordinal) { "FROM", "RUN", "COPY", "ADD", "HEALTHCHECK" };
    private static readonly HashSet<string> ExecKeywords = new(StringComparer.Ordinal) { "RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME", "HEALTHCHECK" };

    private static Instruction Build(
        string keyword, string arguments, SourceMap map, IReadOnlyList<Heredoc> heredocs, int offset, int endOffset, int line, int column, bool onbuildTrigger)
    {
        var flags = new List<InstructionFlag>();
        var bodyStart = 0;
        if (FlaggedKeywords.Contains(keyword))
        {
            bodyStart = ReadFlags(arguments, flags);
        }

        var body = arguments[bodyStart..].Trim();
        Instruction? inner = null;
        if (keyword == "ONBUILD" && body.Length > 0)
        {
            inner = BuildTrigger(arguments, map, heredocs, offset, endOffset, line, column);
        }

        IReadOnlyList<string>? exec = null;
        if (ExecKeywords.Contains(keyword) && body.StartsWith('[') && body.EndsWith(']'))
        {
            exec = TryParseJsonArray(keyword == "HEALTHCHECK" ? body : body);
        }
        else if (keyword == "HEALTHCHECK")
        {
            var cmdAt = body.IndexOf("CMD", StringComparison.OrdinalIgnoreCase);
            if (cmdAt >= 0)
            {
                var rest = body[(cmdAt + 3)..].Trim();
                if (rest.StartsWith('[') && rest.EndsWith(']'))
                {
                    exec = TryParseJsonArray(rest);
                }
            }
        }

        return new Instruction
        {
            Keyword = keyword,
            Arguments = arguments,
            Body = body,
            Flags = flags,
            ExecForm = exec,
            Heredocs = heredocs,
            Inner = inner,
            Offset = offset,
            EndOffset = endOffset,
            Line = line,
            Column = column,
            IsOnbuildTrigger = onbuildTrigger,
            Map = map,
        };
    }

    private static Instruction BuildTrigger(string arguments, SourceMap map, IReadOnlyList<Heredoc> heredocs, int offset, int endOffset, int line, int column)
    {
        var start = 0;
        while (start < arguments.Length && char.IsWhiteSpace(arguments[start]))
        {
            start++;
        }

        var end = start;
        while (end < arguments.Length && char.IsAsciiLetter(arguments[end]))
        {
            end++;
        }

        var keyword = arguments[start..end].ToUpperInvariant();
        var innerMap = map.Slice(end);
        var innerOffset = map.ToOriginal(start);
        return Build(keyword, arguments[end..], innerMap, heredocs, innerOffset, endOffset, line, column + (innerOffset - offset), onbuildTrigger: true);
    }

    /// <summary>Reads leading <c>--name[=value]</c> flags; returns the index where the body starts.</summary>
    private static int ReadFlags(string arguments, List<InstructionFlag> flags)
    {
        var i = 0;
        while (true)
        {
            while (i < arguments.Length && char.IsWhiteSpace(arguments[i]))
            {
                i++;
            }

            if (i + 2 > arguments.Length || arguments[i] != '-' || arguments[i + 1] != '-')
            {
                return i;
            }

            var start = i;
            char quote = '\0';
            while (i < arguments.Length && (quote != '\0' || !char.IsWhiteSpace(arguments[i])))
            {
                if (quote == '\0' && arguments[i] is '"' or '\'')
                {
                    quote = arguments[i];
                }
                else if (arguments[i] == quote)
                {
                    quote = '\0';
                }

                i++;
            }

            var token = arguments[(start + 2)..i];
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            flags.Add(equals < 0
                ? new InstructionFlag(token, null, start)
                : new InstructionFlag(token[..equals], Unquote(token[(equals + 1)..]), start));
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0] ? value[1..^1] : value;

    /// <summary>Parses a JSON array of strings; anything else means the shell form, as Docker decides.</summary>
    private static List<string>? TryParseJsonArray(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var items = new List<string>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                items.Add(element.GetString() ?? "");
            }

            return items;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Finds heredoc markers (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-"EOF"</c>) outside quotes, in order.</summary>
    private static List<(string Name, bool StripTabs)> FindHeredocMarkers(string arguments)
    {
        var markers = new List<(string, bool)>();
        char quote = '\0';
        for (var i = 0; i < arguments.Length - 2; i++)
        {
            var c = arguments[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                continue;
            }

            if (c != '<' || arguments[i + 1] != '<' || (i > 0 && arguments[i - 1] == '<') || arguments[i + 2] == '<')
            {
                continue;
            }

            var j = i + 2;
            var stripTabs = j < arguments.Length && arguments[j] == '-';
            if (stripTabs)
            {
                j++;
            }

            var nameQuote = j < arguments.Length && arguments[j] is '"' or '\'' ? arguments[j] : '\0';
            if (nameQuote != '\0')
            {
                j++;
            }

            var start = j;
            while (j < arguments.Length && (char.IsAsciiLetterOrDigit(arguments[j]) || arguments[j] is '_' or '-' or '.'))
            {
                j++;
            }

            if (j > start && (nameQuote == '\0' || (j < arguments.Length && arguments[j] == nameQuote)))
            {
                markers.Add((arguments[start..j], stripTabs));
                i = j;
            }
        }

        return markers;
    }
}
