namespace Shipgate.Workflows.Expressions;

/// <summary>
/// A node of a parsed GitHub Actions expression. <see cref="Start"/> and <see cref="End"/> are offsets into
/// the expression text (the part between <c>${{</c> and <c>}}</c>), so findings can point at a sub-expression.
/// Immutable.
/// </summary>
public abstract record Expr(int Start, int End);

public enum LiteralKind
{
    Null,
    Boolean,
    Number,
    Text,
}

/// <summary><c>null</c>, <c>true</c>, <c>42</c>, <c>'text'</c>.</summary>
public sealed record LiteralExpr(int Start, int End, LiteralKind Kind, object? Value) : Expr(Start, End)
{
    public string? Text => Value as string;
}

/// <summary>A bare identifier at the head of a context (<c>github</c>) or a function name.</summary>
public sealed record IdentifierExpr(int Start, int End, string Name) : Expr(Start, End);

/// <summary><c>*</c> in <c>a.*.b</c> or <c>a[*]</c>.</summary>
public sealed record StarExpr(int Start, int End) : Expr(Start, End);

/// <summary><c>target.name</c>.</summary>
public sealed record MemberExpr(int Start, int End, Expr Target, string Name) : Expr(Start, End);

/// <summary><c>target[index]</c> (also <c>target.*</c>, with a <see cref="StarExpr"/> index).</summary>
public sealed record IndexExpr(int Start, int End, Expr Target, Expr Index) : Expr(Start, End);

/// <summary><c>name(args...)</c>. Function names are case-insensitive.</summary>
public sealed record CallExpr(int Start, int End, string Name, IReadOnlyList<Expr> Arguments) : Expr(Start, End)
{
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}

/// <summary><c>!operand</c>.</summary>
public sealed record NotExpr(int Start, int End, Expr Operand) : Expr(Start, End);

/// <summary>A parenthesised expression, kept so spans and precedence stay visible.</summary>
public sealed record GroupExpr(int Start, int End, Expr Inner) : Expr(Start, End);

public enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary><c>left op right</c>.</summary>
public sealed record BinaryExpr(int Start, int End, BinaryOperator Operator, Expr Left, Expr Right) : Expr(Start, End);
