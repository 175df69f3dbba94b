namespace Shipgate.Workflows.Expressions;

/// <summary>An expression that does not parse; <see cref="Offset"/> is where, in the expression text.</summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException(string message, int offset)
        : base(message)
    {
        Offset = offset;
    }

    public ExpressionException()
    {
    }

    public ExpressionException(string message)
        : base(message)
    {
    }

    public ExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Offset { get; }
}
