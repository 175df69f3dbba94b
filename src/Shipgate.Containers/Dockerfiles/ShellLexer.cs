namespace Shipgate.Containers.Dockerfiles;

/// <summary>
/// Splits a POSIX shell script into simple commands: quoting (single, double, backslash), <c>&amp;&amp;</c>,
/// <c>||</c>, <c>;</c>, <c>|</c>, <c>&amp;</c>, newlines, subshells, comments, redirections, in-script heredocs,
/// and command substitutions (<c>$(…)</c>, backticks, <c>&lt;(…)</c>) and <c>sh -c "…"</c> strings, which are
/// split recursively up to a depth cap. Not a full shell grammar, but never throws. One instance per script.
/// </summary>
internal sealed partial class ShellLexer
{
    public const int MaxDepth = 6;
    public const int MaxCommands = 5_000;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "if", "then", "else", "elif", "do", "while", "until", "!", "time", "{", "(" };
    private static readonly HashSet<string> Closers = new(StringComparer.Ordinal) { "fi", "done", "esac", "}", ")", ";;" };
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh", "ksh", "busybox" };

    private readonly string s;
    private readonly SourceMap? map;
    private readonly int mapBase;
    private readonly CommandOrigin origin;
    private readonly int depth;
    private readonly ShellCommand? parent;
    private readonly List<ShellCommand> output;
    private readonly List<ShellWord> words = [];
    private readonly List<Redirection> redirections = [];
    private readonly List<string> pendingHeredocs = [];
    private readonly List<(string Script, int Start)> nested = [];
    private int i;
    private bool pipeIn;
    private int pipeline;

    private ShellLexer(string script, SourceMap? map, int mapBase, CommandOrigin origin, int depth, List<ShellCommand> output, ShellCommand? parent = null)
    {
        this.parent = parent;
        s = script;
        this.map = map;
        this.mapBase = mapBase;
        this.origin = origin;
        this.depth = depth;
        this.output = output;
        pipeline = output.Count == 0 ? 0 : output[^1].Pipeline + 1;
    }

    /// <summary>Splits <paramref name="script"/>; <paramref name="sourceBase"/> is the file offset of its first character, if known.</summary>
    public static List<ShellCommand> Split(string script, int? sourceBase, CommandOrigin origin = CommandOrigin.Direct) =>
        Split(script, sourceBase is { } b ? SourceMap.Shifted(b) : null, 0, origin);

    /// <summary>Splits <paramref name="script"/>, whose character i sits at <c>map.ToOriginal(mapBase + i)</c> in the file.</summary>
    public static List<ShellCommand> Split(string script, SourceMap? map, int mapBase, CommandOrigin origin = CommandOrigin.Direct)
    {
        var output = new List<ShellCommand>();
        new ShellLexer(script, map, mapBase, origin, 0, output).Run();
        return output;
    }

    private static void SplitInto(List<ShellCommand> output, string script, SourceMap? map, int mapBase, CommandOrigin origin, int depth, ShellCommand? parent)
    {
        if (depth > MaxDepth || output.Count >= MaxCommands)
        {
            return;
        }

        new ShellLexer(script, map, mapBase, origin, depth, output, parent).Run();
    }

    private void Run()
    {
        while (i < s.Length && output.Count < MaxCommands)
        {
            var c = s[i];
            switch (c)
            {
                case ' ' or '\t' or '\r':
                    i++;
                    break;
                case '\\' when i + 1 < s.Length && s[i + 1] == '\n':
                    i += 2;
                    break;
                case '\n':
                    EndCommand(Connector.Sequence);
                    i++;
                    SkipPendingHeredocs();
                    break;
                case '#':
                    while (i < s.Length && s[i] != '\n')
                    {
                        i++;
                    }

                    break;
                case ';':
                    i += i + 1 < s.Length && s[i + 1] == ';' ? 2 : 1;
                    EndCommand(Connector.Sequence);
                    break;
                case '&' when Peek(1) == '&':
                    i += 2;
                    EndCommand(Connector.And);
                    break;
                case '&' when Peek(1) == '>':
                    ReadRedirection();
                    break;
                case '&':
                    i++;
                    EndCommand(Connector.Background);
                    break;
                case '|' when Peek(1) == '|':
                    i += 2;
                    EndCommand(Connector.Or);
                    break;
                case '|':
                    i += Peek(1) == '&' ? 2 : 1;
                    EndCommand(Connector.Pipe);
                    break;
                case '(' when Peek(1) == '(':
                    SkipArithmetic();
                    break;
                case '(':
                    i++;
                    EndCommand(Connector.Sequence);
                    break;
                case ')':
                    i++;
                    EndCommand(Connector.Sequence);
                    break;
                case '<' or '>' when Peek(1) != '(':
                    ReadRedirection();
                    break;
                default:
                    ReadWord();
                    break;
            }
        }

        EndCommand(Connector.End);
    }

    private char Peek(int ahead) => i + ahead < s.Length ? s[i + ahead] : '\0';

    private int? Source(int index) => map?.ToOriginal(mapBase + index);

    private void SkipArithmetic()
    {
        var close = FindClose(i + 1);
        i = close < 0 ? s.Length : close + 1;
        if (i < s.Length && s[i] == ')')
        {
            i++;
        }
    }

    private void ReadRedirection()
    {
        var start = i;
        while (i < s.Length && s[i] is '<' or '>' or '&' or '|' or '-')
        {
            i++;
            if (i - start >= 3)
            {
                break;
            }
        }

        var op = s[start..i];
        while (i < s.Length && s[i] is ' ' or '\t')
        {
            i++;
        }

        if (op.EndsWith('&') && i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '-'))
        {
            var target = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '-'))
            {
                i++;
            }

            redirections.Add(new Redirection(op, s[target..i]));
            return;
        }

        if (i >= s.Length || s[i] is '\n' or ';' or '|' or '&')
        {
            return;
        }

        var word = ReadWordValue(collectSubstitutions: true);
        if (op is "<<" or "<<-")
        {
            pendingHeredocs.Add(word.Value);
        }

        redirections.Add(new Redirection(op, word.Value));
    }

    private void SkipPendingHeredocs()
    {
        foreach (var delimiter in pendingHeredocs)
        {
            while (i < s.Length)
            {
                var end = s.IndexOf('\n', i);
                var lineText = end < 0 ? s[i..] : s[i..end];
                i = end < 0 ? s.Length : end + 1;
                if (lineText.Trim('\t', '\r', ' ') == delimiter)
                {
                    break;
                }
            }
        }

        pendingHeredocs.Clear();
    }

    private void ReadWord()
    {
        var word = ReadWordValue(collectSubstitutions: true);
        if (word.Raw.Length == 0)
        {
            i++;
            return;
        }

        // A word of digits right before a redirection is a file descriptor (2>&1).
        if (i < s.Length && s[i] is '<' or '>' && word.Raw.All(char.IsAsciiDigit))
        {
            ReadRedirection();
            return;
        }

        words.Add(word);
    }
}
