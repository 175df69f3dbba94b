namespace Shipgate.Iac.Terraform.Hcl;

/// <summary>The kinds of HCL native-syntax tokens, following the HCL2 specification's token table.</summary>
internal enum HclTokenKind
{
    Identifier,
    Number,

    /// <summary>Opening <c>"</c> of a quoted template.</summary>
    OpenQuote,
    CloseQuote,

    /// <summary><c>&lt;&lt;EOF</c> or <c>&lt;&lt;-EOF</c>; <see cref="HclToken.Text"/> holds the marker.</summary>
    OpenHeredoc,
    CloseHeredoc,

    /// <summary>Literal text inside a template, escapes already processed.</summary>
    TemplateLiteral,

    /// <summary><c>${</c></summary>
    TemplateInterpolation,

    /// <summary><c>%{</c></summary>
    TemplateDirective,

    /// <summary>The <c>}</c> that closes an interpolation or directive.</summary>
    TemplateSequenceEnd,

    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    OpenParen,
    CloseParen,
    Comma,
    Dot,
    Ellipsis,
    Equals,
    Colon,
    Question,
    FatArrow,
    EqualEqual,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    And,
    Or,
    Bang,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Newline,
    EndOfFile,
}

/// <summary>
/// One token with its 1-based position and its [start, end) offsets in the source. <see cref="Text"/> is the
/// identifier, number, literal text (escapes processed) or heredoc marker. <see cref="Flag"/> marks a <c>&lt;&lt;-</c>
/// heredoc, or a <c>~</c> strip marker on template sequences.
/// </summary>
internal readonly record struct HclToken(HclTokenKind Kind, string Text, int Line, int Column, int Start, int End, bool Flag = false);
