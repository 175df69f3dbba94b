using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Hcl;

/// <summary>
/// Recursive-descent parser for HCL2 native syntax (the Terraform language): bodies of attributes and blocks, and
/// every expression form with the specification's operator precedence. Newlines end attributes and blocks in bodies
/// and are ignored inside parentheses, brackets, object constructors and template sequences. Nesting is capped at
/// <see cref="MaxDepth"/>. Errors are <see cref="InputFormatException"/>s with line and column. One instance per
/// source; not thread-safe.
/// </summary>
internal sealed partial class HclParser
{
    public const int MaxDepth = 200;

    private readonly IReadOnlyList<HclToken> tokens;
    private int position;
    private int ignoreNewlines;
    private int depth;

    private HclParser(IReadOnlyList<HclToken> tokens) => this.tokens = tokens;

    /// <summary>Parses a whole file into its top-level body.</summary>
    public static HclBody Parse(string text)
    {
        var parser = new HclParser(HclLexer.Tokenize(text));
        var body = parser.ParseBody(topLevel: true);
        parser.Expect(HclTokenKind.EndOfFile, "end of file");
        return body;
    }

    /// <summary>Parses one expression (for tests and tools).</summary>
    public static HclExpression ParseExpression(string text)
    {
        var parser = new HclParser(HclLexer.Tokenize(text));
        var expression = parser.ParseExpression();
        parser.SkipNewlines();
        parser.Expect(HclTokenKind.EndOfFile, "end of expression");
        return expression;
    }

    /// <summary>The next significant token; inside brackets, parentheses and objects newlines are skipped (without consuming them).</summary>
    private HclToken Current => tokens[CurrentIndex];

    private int CurrentIndex
    {
        get
        {
            var index = position;
            if (ignoreNewlines > 0)
            {
                while (tokens[index].Kind == HclTokenKind.Newline)
                {
                    index++;
                }
            }

            return index;
        }
    }

    private HclToken Previous => tokens[position - 1];

    private bool At(HclTokenKind kind) => Current.Kind == kind;

    private HclToken Advance()
    {
        var index = CurrentIndex;
        var token = tokens[index];
        position = token.Kind == HclTokenKind.EndOfFile ? index : index + 1;
        return token;
    }

    private bool Accept(HclTokenKind kind)
    {
        if (!At(kind))
        {
            return false;
        }

        Advance();
        return true;
    }

    private HclToken Expect(HclTokenKind kind, string what)
    {
        if (!At(kind))
        {
            throw Unexpected(what);
        }

        return Advance();
    }

    private InputFormatException Unexpected(string expected)
    {
        var token = Current;
        var found = token.Kind switch
        {
            HclTokenKind.EndOfFile => "end of file",
            HclTokenKind.Newline => "end of line",
            HclTokenKind.Identifier or HclTokenKind.Number => $"'{token.Text}'",
            HclTokenKind.TemplateLiteral => "text",
            _ => $"'{token.Text}'",
        };
        return new InputFormatException($"expected {expected}, found {found}", token.Line, token.Column);
    }

    private void SkipNewlines()
    {
        while (tokens[position].Kind == HclTokenKind.Newline)
        {
            position++;
        }
    }

    private void Enter()
    {
        if (++depth > MaxDepth)
        {
            var token = Current;
            throw new InputFormatException($"nesting deeper than {MaxDepth} levels", token.Line, token.Column);
        }
    }

    private void Leave() => depth--;

    private HclBody ParseBody(bool topLevel)
    {
        var attributes = new List<HclAttribute>();
        var blocks = new List<HclBlock>();
        SkipNewlines();
        var first = tokens[position];
        while (true)
        {
            SkipNewlines();
            var token = tokens[position];
            if (token.Kind == HclTokenKind.EndOfFile || (!topLevel && token.Kind == HclTokenKind.CloseBrace))
            {
                return new HclBody(attributes, blocks, first.Line, first.Column, first.Start, token.Start);
            }

            if (token.Kind != HclTokenKind.Identifier)
            {
                throw Unexpected("an attribute or block name");
            }

            position++;
            if (At(HclTokenKind.Equals))
            {
                Advance();
                var value = ParseExpression();
                attributes.Add(new HclAttribute(token.Text, value, token.Line, token.Column, token.Start, value.End));
                EndOfItem();
                continue;
            }

            blocks.Add(ParseBlock(token));
        }
    }

    private HclBlock ParseBlock(HclToken type)
    {
        Enter();
        var labels = new List<string>();
        while (true)
        {
            if (At(HclTokenKind.Identifier))
            {
                labels.Add(Advance().Text);
            }
            else if (At(HclTokenKind.OpenQuote))
            {
                var label = ParseTemplate();
                labels.Add(label.LiteralValue ?? throw new InputFormatException("block labels must be plain strings", label.Line, label.Column));
            }
            else
            {
                break;
            }
        }

        Expect(HclTokenKind.OpenBrace, $"'{{' or '=' after '{type.Text}'");
        HclBody body;
        if (At(HclTokenKind.Newline))
        {
            body = ParseBody(topLevel: false);
        }
        else if (At(HclTokenKind.CloseBrace))
        {
            body = new HclBody([], [], Current.Line, Current.Column, Current.Start, Current.Start);
        }
        else
        {
            // Single-line block: at most one attribute, "name { a = 1 }".
            var name = Expect(HclTokenKind.Identifier, "an attribute name");
            Expect(HclTokenKind.Equals, "'='");
            var value = ParseExpression();
            body = new HclBody([new HclAttribute(name.Text, value, name.Line, name.Column, name.Start, value.End)], [], name.Line, name.Column, name.Start, value.End);
        }

        var close = Expect(HclTokenKind.CloseBrace, "'}' closing the block");
        EndOfItem();
        Leave();
        return new HclBlock(type.Text, labels, body, type.Line, type.Column, type.Start, close.End);
    }

    private void EndOfItem()
    {
        if (!At(HclTokenKind.Newline) && !At(HclTokenKind.EndOfFile) && !At(HclTokenKind.CloseBrace))
        {
            throw Unexpected("a newline");
        }
    }
}
