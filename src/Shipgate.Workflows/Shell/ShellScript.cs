namespace Shipgate.Workflows.Shell;

/// <summary>A word of a shell command: its unquoted text and the offset of its first character in the script.</summary>
public readonly record struct ShellWord(string Text, int Offset);

/// <summary>One simple command: its words (leading <c>VAR=value</c> assignments removed) and where it starts.</summary>
public sealed record ShellCommand(IReadOnlyList<ShellWord> Words, int Offset)
{
    /// <summary>True when the command reads the previous command's output through a pipe (<c>a | b</c>).</summary>
    public bool Piped { get; init; }

    public string Name => Words.Count > 0 ? Words[0].Text : "";

    /// <summary>The words after the command name.</summary>
    public IEnumerable<string> Arguments => Words.Skip(1).Select(w => w.Text);
}

/// <summary>
/// A small, forgiving splitter of bash and PowerShell scripts into simple commands. It understands quotes,
/// comments, line continuations (<c>\</c> or PowerShell's backtick), command separators (<c>; &amp;&amp; || | &amp;</c>,
/// newlines) and command substitutions; it never fails. Enough to find <c>npm publish</c> or <c>curl … | sh</c>,
/// not a full shell grammar. Stateless.
/// </summary>
public static class ShellScript
{
    private const int MaxCommands = 20_000;

    public static IReadOnlyList<ShellCommand> Commands(string script, bool powershell = false)
    {
        ArgumentNullException.ThrowIfNull(script);
        var commands = new List<ShellCommand>();
        var words = new List<ShellWord>();
        var word = new System.Text.StringBuilder();
        var wordStart = -1;
        var i = 0;
        var piped = false;

        void EndWord()
        {
            if (wordStart >= 0)
            {
                words.Add(new ShellWord(word.ToString(), wordStart));
                word.Clear();
                wordStart = -1;
            }
        }

        void EndCommand()
        {
            EndWord();
            var start = 0;
            while (start < words.Count && IsAssignment(words[start].Text))
            {
                start++;
            }

            if (start < words.Count && commands.Count < MaxCommands)
            {
                var kept = words.Skip(start).ToList();
                commands.Add(new ShellCommand(kept, words[0].Offset) { Piped = piped });
            }

            if (words.Count > 0)
            {
                piped = false;
            }

            words.Clear();
        }

        var escape = powershell ? '`' : '\\';
        while (i < script.Length)
        {
            var c = script[i];
            if (c == escape && i + 1 < script.Length && (script[i + 1] == '\n' || (script[i + 1] == '\r' && i + 2 < script.Length && script[i + 2] == '\n')))
            {
                EndWord();
                i += script[i + 1] == '\r' ? 3 : 2;
                continue;
            }

            if (c == escape && !powershell && i + 1 < script.Length)
            {
                if (wordStart < 0)
                {
                    wordStart = i;
                }

                word.Append(script[i + 1]);
                i += 2;
                continue;
            }

            if (c is '\'' or '"')
            {
                if (wordStart < 0)
                {
                    wordStart = i;
                }

                var close = script.IndexOf(c, i + 1);
                if (close < 0)
                {
                    close = script.Length;
                }

                var inner = script[(i + 1)..close];
                if (c == '"' && inner.Contains("$(", StringComparison.Ordinal))
                {
                    // Command substitutions inside double quotes run too.
                    foreach (var sub in Commands(inner, powershell))
                    {
                        if (commands.Count < MaxCommands)
                        {
                            commands.Add(sub with { Offset = sub.Offset + i + 1, Words = sub.Words.Select(w => w with { Offset = w.Offset + i + 1 }).ToList() });
                        }
                    }
                }

                word.Append(inner);
                i = Math.Min(script.Length, close + 1);
                continue;
            }

            if (c == '#' && wordStart < 0)
            {
                while (i < script.Length && script[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (c == '$' && i + 1 < script.Length && script[i + 1] == '(')
            {
                EndCommand();
                i += 2;
                continue;
            }

            if (c is '\n' or ';' or '|' or '&' or '(' or ')' or '{' or '}' || (c == '`' && !powershell))
            {
                if (c is '{' or '}' && wordStart >= 0)
                {
                    word.Append(c);
                    i++;
                    continue;
                }

                EndCommand();
                if (c == '|' && (i + 1 >= script.Length || script[i + 1] != '|') && (i == 0 || script[i - 1] != '|'))
                {
                    piped = true;
                }
                else if (c is not ('|' or '(' or '{'))
                {
                    piped = false;
                }

                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                EndWord();
                i++;
                continue;
            }

            if (wordStart < 0)
            {
                wordStart = i;
            }

            word.Append(c);
            i++;
        }

        EndCommand();
        return commands;
    }

    /// <summary>True when the shell name is PowerShell (<c>pwsh</c>, <c>powershell</c>).</summary>
    public static bool IsPowerShell(string shell) => shell is "pwsh" or "powershell";

    private static bool IsAssignment(string word)
    {
        var eq = word.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return false;
        }

        for (var k = 0; k < eq; k++)
        {
            if (!(char.IsAsciiLetterOrDigit(word[k]) || word[k] == '_') || (k == 0 && char.IsAsciiDigit(word[k])))
            {
                return false;
            }
        }

        return true;
    }
}
