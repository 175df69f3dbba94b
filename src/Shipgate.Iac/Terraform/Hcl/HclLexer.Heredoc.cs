using System.Text;
using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Hcl;

/// <summary>Heredoc templates: <c>&lt;&lt;MARKER</c> or <c>&lt;&lt;-MARKER</c>, the body lines, and the marker line.</summary>
internal sealed partial class HclLexer
{
    private void LexHeredoc(int depth)
    {
        var start = offset;
        var (startLine, startColumn) = (line, Column(start));
        offset += 2;
        var indented = Peek() == '-';
        if (indented)
        {
            offset++;
        }

        var markerStart = offset;
        while (offset < text.Length && (char.IsLetterOrDigit(text[offset]) || text[offset] is '_' or '-'))
        {
            offset++;
        }

        var marker = text[markerStart..offset];
        if (Peek() == '\r')
        {
            offset++;
        }

        if (Peek() != '\n')
        {
            throw Error($"heredoc marker '{marker}' must be followed by a newline", offset);
        }

        offset++;

        // The open token spans up to the first body character, so the parser can slice the raw body.
        tokens.Add(new HclToken(HclTokenKind.OpenHeredoc, marker, startLine, startColumn, start, offset, indented));
        NewLine();

        var literal = new StringBuilder();
        var literalStart = offset;
        while (true)
        {
            if (offset >= text.Length)
            {
                throw new InputFormatException($"unterminated heredoc: no closing '{marker}' line", startLine, startColumn);
            }

            if (IsClosingLine(marker, out var markerAt))
            {
                FlushLiteral(literal, literalStart);
                var closeStart = offset;
                offset = markerAt + marker.Length;
                tokens.Add(new HclToken(HclTokenKind.CloseHeredoc, marker, line, Column(closeStart), closeStart, offset));
                return;
            }

            // One body line, with interpolations and directives.
            while (offset < text.Length)
            {
                var c = text[offset];
                if (c == '\n')
                {
                    literal.Append(c);
                    offset++;
                    NewLine();
                    break;
                }

                if (TryOpenSequence(literal, ref literalStart, depth))
                {
                    continue;
                }

                literal.Append(c);
                offset++;
            }
        }
    }

    private bool IsClosingLine(string marker, out int markerAt)
    {
        var at = offset;
        while (at < text.Length && text[at] is ' ' or '\t')
        {
            at++;
        }

        markerAt = at;
        if (string.CompareOrdinal(text, at, marker, 0, marker.Length) != 0)
        {
            return false;
        }

        var end = at + marker.Length;
        while (end < text.Length && text[end] is ' ' or '\t' or '\r')
        {
            end++;
        }

        return end >= text.Length || text[end] == '\n';
    }
}
