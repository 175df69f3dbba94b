namespace Shipgate.Iac.Terraform.Hcl;

/// <summary>
/// The HCL syntax tree. Every node carries its 1-based position and its [Start, End) source offsets, so rules can
/// point at it and the evaluator can quote it. Immutable.
/// </summary>
internal abstract record HclNode(int Line, int Column, int Start, int End);

/// <summary>A body: the attributes and blocks of a file or of a block, in source order.</summary>
internal sealed record HclBody(IReadOnlyList<HclAttribute> Attributes, IReadOnlyList<HclBlock> Blocks, int Line, int Column, int Start, int End)
    : HclNode(Line, Column, Start, End)
{
    public HclAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    public IEnumerable<HclBlock> BlocksOf(string type) => Blocks.Where(b => b.Type == type);
}

internal sealed record HclAttribute(string Name, HclExpression Value, int Line, int Column, int Start, int End) : HclNode(Line, Column, Start, End);

/// <summary>A block such as <c>resource "aws_s3_bucket" "logs" { … }</c>: type, labels and body.</summary>
internal sealed record HclBlock(string Type, IReadOnlyList<string> Labels, HclBody Body, int Line, int Column, int Start, int End)
    : HclNode(Line, Column, Start, End);

internal abstract record HclExpression(int Line, int Column, int Start, int End) : HclNode(Line, Column, Start, End);

/// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>; <see cref="Text"/> is the literal's text.</summary>
internal sealed record HclLiteral(string Text, HclLiteralKind Kind, int Line, int Column, int Start, int End) : HclExpression(Line, Column, Start, End);

internal enum HclLiteralKind
{
    Number,
    Boolean,
    Null,
}

/// <summary>
/// A quoted string or heredoc: literal parts and interpolated expressions. <see cref="BodyStart"/>/<see cref="BodyEnd"/>
/// delimit the raw body in the source (for heredocs, so embedded JSON can be parsed with exact positions).
/// </summary>
internal sealed record HclTemplate(IReadOnlyList<HclTemplatePart> Parts, bool IsHeredoc, int BodyStart, int BodyEnd, int BodyLine, int Line, int Column, int Start, int End)
    : HclExpression(Line, Column, Start, End)
{
    /// <summary>The string value when the template has no interpolations or directives; otherwise null.</summary>
    public string? LiteralValue =>
        Parts.All(p => p is HclTemplateText) ? string.Concat(Parts.Cast<HclTemplateText>().Select(p => p.Text)) : null;
}

internal abstract record HclTemplatePart(int Line, int Column);

internal sealed record HclTemplateText(string Text, int Line, int Column) : HclTemplatePart(Line, Column);

internal sealed record HclTemplateInterpolation(HclExpression Expression, int Line, int Column) : HclTemplatePart(Line, Column);

/// <summary>A <c>%{ if … }</c>, <c>%{ for … }</c>, <c>%{ else }</c> or <c>%{ endif }</c> directive, kept as its keyword and expressions.</summary>
internal sealed record HclTemplateDirective(string Keyword, IReadOnlyList<HclExpression> Expressions, int Line, int Column) : HclTemplatePart(Line, Column);

/// <summary>A root name: <c>var</c>, <c>aws_s3_bucket</c>, <c>each</c>.</summary>
internal sealed record HclVariable(string Name, int Line, int Column, int Start, int End) : HclExpression(Line, Column, Start, End);

internal sealed record HclGetAttribute(HclExpression Source, string Name, int Line, int Column, int Start, int End) : HclExpression(Line, Column, Start, End);

internal sealed record HclIndex(HclExpression Source, HclExpression Key, int Line, int Column, int Start, int End) : HclExpression(Line, Column, Start, End);

/// <summary><c>x.*.y</c> (attribute-only) or <c>x[*].y</c> (full) splat; <see cref="Each"/> applies to every element.</summary>
internal sealed record HclSplat(HclExpression Source, bool Full, IReadOnlyList<HclExpression> Each, int Line, int Column, int Start, int End)
    : HclExpression(Line, Column, Start, End);

internal sealed record HclFunctionCall(string Name, IReadOnlyList<HclExpression> Arguments, bool ExpandFinal, int Line, int Column, int Start, int End)
    : HclExpression(Line, Column, Start, End);

internal sealed record HclTuple(IReadOnlyList<HclExpression> Items, int Line, int Column, int Start, int End) : HclExpression(Line, Column, Start, End);

internal sealed record HclObjectItem(HclExpression Key, HclExpression Value);

internal sealed record HclObject(IReadOnlyList<HclObjectItem> Items, int Line, int Column, int Start, int End) : HclExpression(Line, Column, Start, End);

internal sealed record HclConditional(HclExpression Condition, HclExpression True, HclExpression False, int Line, int Column, int Start, int End)
    : HclExpression(Line, Column, Start, End);

internal sealed record HclBinary(HclTokenKind Operator, HclExpression Left, HclExpression Right, int Line, int Column, int Start, int End)
    : HclExpression(Line, Column, Start, End);

internal sealed record HclUnary(HclTokenKind Operator, HclExpression Operand, int Line, int Column, int Start, int End) : HclExpression(Line, Column, Start, End);

internal sealed record HclParenthesized(HclExpression Inner, int Line, int Column, int Start, int End) : HclExpression(Line, Column, Start, End);

/// <summary><c>[for k, v in coll : value if cond]</c> or <c>{for k, v in coll : key =&gt; value... if cond}</c>.</summary>
internal sealed record HclFor(
    string? KeyVariable,
    string ValueVariable,
    HclExpression Collection,
    HclExpression? KeyExpression,
    HclExpression ValueExpression,
    HclExpression? Condition,
    bool Grouping,
    bool IsObject,
    int Line,
    int Column,
    int Start,
    int End) : HclExpression(Line, Column, Start, End);
