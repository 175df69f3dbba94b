using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Hcl;

/// <summary>Quoted and heredoc templates: literal text, <c>${…}</c> interpolations and <c>%{…}</c> directives.</summary>
internal sealed partial class HclParser
{
    private HclTemplate ParseTemplate()
    {
        Enter();
        var open = Advance();
        var heredoc = open.Kind == HclTokenKind.OpenHeredoc;
        var closeKind = heredoc ? HclTokenKind.CloseHeredoc : HclTokenKind.CloseQuote;
        var parts = new List<HclTemplatePart>();
        var bodyLine = heredoc ? open.Line + 1 : open.Line;

        // Inside a template, newline tokens only come from interpolations; the template owns its own text.
        var savedIgnore = ignoreNewlines;
        ignoreNewlines = 0;
        while (tokens[position].Kind != closeKind)
        {
            var token = tokens[position];
            switch (token.Kind)
            {
                case HclTokenKind.TemplateLiteral:
                    position++;
                    parts.Add(new HclTemplateText(token.Text, token.Line, token.Column));
                    break;
                case HclTokenKind.TemplateInterpolation:
                    {
                        position++;
                        ignoreNewlines = 1;
                        var expression = ParseExpression();
                        Expect(HclTokenKind.TemplateSequenceEnd, "'}' closing the interpolation");
                        ignoreNewlines = 0;
                        parts.Add(new HclTemplateInterpolation(expression, token.Line, token.Column));
                        break;
                    }

                case HclTokenKind.TemplateDirective:
                    position++;
                    ignoreNewlines = 1;
                    parts.Add(ParseDirective(token));
                    ignoreNewlines = 0;
                    break;
                default:
                    throw Unexpected(heredoc ? $"the heredoc's closing '{open.Text}'" : "a closing quote");
            }
        }

        var close = tokens[position++];
        ignoreNewlines = savedIgnore;
        Leave();
        return new HclTemplate(parts, heredoc, open.End, close.Start, bodyLine, open.Line, open.Column, open.Start, close.End);
    }

    private HclTemplateDirective ParseDirective(HclToken open)
    {
        var keyword = Expect(HclTokenKind.Identifier, "a directive keyword (if, for, else, endif, endfor)");
        var expressions = new List<HclExpression>();
        switch (keyword.Text)
        {
            case "if":
                expressions.Add(ParseExpression());
                break;
            case "for":
                var first = Expect(HclTokenKind.Identifier, "a variable name").Text;
                if (Accept(HclTokenKind.Comma))
                {
                    Expect(HclTokenKind.Identifier, "a value variable name");
                }

                var inToken = Expect(HclTokenKind.Identifier, "'in'");
                if (inToken.Text != "in")
                {
                    throw new InputFormatException($"expected 'in' after '{first}', found '{inToken.Text}'", inToken.Line, inToken.Column);
                }

                expressions.Add(ParseExpression());
                break;
            case "else" or "endif" or "endfor":
                break;
            default:
                throw new InputFormatException($"unknown template directive '{keyword.Text}'", keyword.Line, keyword.Column);
        }

        Expect(HclTokenKind.TemplateSequenceEnd, "'}' closing the directive");
        return new HclTemplateDirective(keyword.Text, expressions, open.Line, open.Column);
    }
}
