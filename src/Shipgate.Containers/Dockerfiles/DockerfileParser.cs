using System.Text;
using Shipgate.Core;

namespace Shipgate.Containers.Dockerfiles;

/// <summary>
/// A hand-written, single-pass Dockerfile parser: parser directives (<c>escape</c>, <c>syntax</c>), line
/// continuations with comment and blank lines inside them, JSON (exec) and shell forms, flags, heredocs, ONBUILD,
/// stages and ARG/ENV substitution in FROM. Instruction keywords are case-insensitive. Bounded: files, logical lines
/// and instruction counts have caps. Malformed input throws <see cref="InputFormatException"/> with the position.
/// Stateless and thread-safe (each call builds its own state).
/// </summary>
internal static partial class DockerfileParser
{
    public const int MaxTextLength = 4 * 1024 * 1024;
    public const int MaxInstructions = 20_000;
    public const int MaxLogicalLineLength = 1024 * 1024;

    private static readonly HashSet<string> HeredocKeywords = new(StringComparer.Ordinal) { "RUN", "COPY", "ADD" };

    public static Dockerfile Parse(string text, string path = "Dockerfile")
    {
        if (text.Length > MaxTextLength)
        {
            throw new InputFormatException($"the Dockerfile is larger than {MaxTextLength / (1024 * 1024)} MiB", 1, 1);
        }

        var lines = new LineIndex(text);
        var state = new ParseState(text, lines);
        state.ReadDirectives();
        var instructions = new List<Instruction>();
        while (state.NextInstruction() is { } instruction)
        {
            if (instructions.Count >= MaxInstructions)
            {
                throw new InputFormatException($"more than {MaxInstructions} instructions", instruction.Line, instruction.Column);
            }

            instructions.Add(instruction);
        }

        var (stages, globalArgs) = BuildStages(instructions);
        return new Dockerfile
        {
            Path = path,
            Text = text,
            Lines = lines,
            EscapeChar = state.Escape,
            Syntax = state.Syntax,
            Instructions = instructions,
            GlobalArgs = globalArgs,
            Stages = stages,
            Comments = state.Comments,
        };
    }

    /// <summary>Reads physical lines and turns them into instructions. One instance per parse.</summary>
    private sealed class ParseState(string text, LineIndex lines)
    {
        private int line = 1;

        public char Escape { get; private set; } = '\\';

        public string? Syntax { get; private set; }

        public List<Comment> Comments { get; } = [];

        private bool AtEnd => line > lines.LineCount || (line == lines.LineCount && lines.OffsetOf(line) >= text.Length);

        public void ReadDirectives()
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (!AtEnd)
            {
                var content = lines.LineText(line).TrimStart(' ', '\t', '\uFEFF');
                if (!content.StartsWith('#'))
                {
                    return;
                }

                var body = content[1..].Trim();
                var equals = body.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    return;
                }

                var key = body[..equals].Trim();
                if (key.Length == 0 || key.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-') || !seen.Add(key))
                {
                    return;
                }

                var value = body[(equals + 1)..].Trim();
                if (key.Equals("escape", StringComparison.OrdinalIgnoreCase))
                {
                    if (value is not ("\\" or "`"))
                    {
                        throw new InputFormatException($"invalid escape directive '{value}': use '\\' or '`'", line, 1);
                    }

                    Escape = value[0];
                }
                else if (key.Equals("syntax", StringComparison.OrdinalIgnoreCase))
                {
                    Syntax = value;
                }

                Comments.Add(new Comment(line, body));
                line++;
            }
        }

        public Instruction? NextInstruction()
        {
            while (!AtEnd)
            {
                var lineStart = lines.OffsetOf(line);
                var content = lines.LineText(line);
                var indent = CountIndent(content);
                if (indent == content.Length)
                {
                    line++;
                    continue;
                }

                if (content[indent] == '#')
                {
                    Comments.Add(new Comment(line, content[(indent + 1)..]));
                    line++;
                    continue;
                }

                return ReadInstruction(lineStart, content, indent);
            }

            return null;
        }

        private Instruction ReadInstruction(int lineStart, string content, int indent)
        {
            var startLine = line;
            var keywordEnd = indent;
            while (keywordEnd < content.Length && char.IsAsciiLetter(content[keywordEnd]))
            {
                keywordEnd++;
            }

            if (keywordEnd == indent)
            {
                throw new InputFormatException($"expected an instruction, found '{Excerpt(content[indent..])}'", line, indent + 1);
            }

            var next = keywordEnd < content.Length ? content[keywordEnd] : ' ';
            if (next != ' ' && next != '\t' && next != Escape && next != '\r')
            {
                throw new InputFormatException($"expected an instruction, found '{Excerpt(content[indent..])}'", line, indent + 1);
            }

            var keyword = content[indent..keywordEnd].ToUpperInvariant();
            var (arguments, map) = JoinContinuation(lineStart + keywordEnd, content[keywordEnd..]);
            var heredocs = HeredocKeywords.Contains(keyword) ? ReadHeredocs(arguments) : [];
            var endOffset = line <= lines.LineCount ? Math.Min(text.Length, lines.OffsetOf(line)) : text.Length;

            return Build(keyword, arguments, map, heredocs, lineStart + indent, endOffset, startLine, indent + 1, onbuildTrigger: false);
        }

        /// <summary>Joins a logical line: strips a trailing escape, skips comment and blank lines inside the continuation.</summary>
        private (string Arguments, SourceMap Map) JoinContinuation(int firstOffset, string firstRest)
        {
            var builder = new StringBuilder();
            var starts = new List<int>();
            var originals = new List<int>();
            var offset = firstOffset;
            var piece = firstRest;
            while (true)
            {
                var trimmed = piece.TrimEnd(' ', '\t', '\r');
                var continues = trimmed.Length > 0 && trimmed[^1] == Escape;
                starts.Add(builder.Length);
                originals.Add(offset);
                builder.Append(continues ? trimmed[..^1] : piece.TrimEnd('\r'));
                if (builder.Length > MaxLogicalLineLength)
                {
                    throw new InputFormatException($"an instruction is longer than {MaxLogicalLineLength} characters", line, 1);
                }

                line++;
                if (!continues)
                {
                    break;
                }

                // Skip comment lines and blank lines inside the continuation, as BuildKit does.
                while (!AtEnd)
                {
                    var candidate = lines.LineText(line);
                    var indent = CountIndent(candidate);
                    if (indent == candidate.Length)
                    {
                        line++;
                        continue;
                    }

                    if (candidate[indent] == '#')
                    {
                        Comments.Add(new Comment(line, candidate[(indent + 1)..]));
                        line++;
                        continue;
                    }

                    break;
                }

                if (AtEnd)
                {
                    break;
                }

                offset = lines.OffsetOf(line);
                piece = lines.LineText(line);
            }

            return (builder.ToString(), new SourceMap([.. starts], [.. originals]));
        }

        private List<Heredoc> ReadHeredocs(string arguments)
        {
            var heredocs = new List<Heredoc>();
            foreach (var (name, stripTabs) in FindHeredocMarkers(arguments))
            {
                var startLine = line - 1;
                var body = new StringBuilder();
                var bodyOffset = line <= lines.LineCount ? lines.OffsetOf(line) : text.Length;
                var terminated = false;
                while (!AtEnd)
                {
                    var current = lines.LineText(line);
                    line++;
                    var candidate = stripTabs ? current.TrimStart('\t') : current;
                    if (candidate.TrimEnd('\r') == name)
                    {
                        terminated = true;
                        break;
                    }

                    body.Append(current.TrimEnd('\r')).Append('\n');
                    if (body.Length > MaxLogicalLineLength)
                    {
                        throw new InputFormatException($"a heredoc is longer than {MaxLogicalLineLength} characters", startLine, 1);
                    }
                }

                if (!terminated)
                {
                    throw new InputFormatException($"unterminated heredoc: no line '{name}' closes it", startLine, 1);
                }

                heredocs.Add(new Heredoc(name, stripTabs, body.ToString(), bodyOffset));
            }

            return heredocs;
        }

        private static int CountIndent(string content)
        {
            var i = 0;
            while (i < content.Length && (content[i] is ' ' or '\t' or '\r' or '\uFEFF'))
            {
                i++;
            }

            return i;
        }

        private static string Excerpt(string value) => value.Length <= 20 ? value.TrimEnd('\r') : value[..20] + "…";
    }
}
