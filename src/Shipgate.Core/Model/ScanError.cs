namespace Shipgate.Core;

/// <summary>A file that could not be read or parsed. The scan goes on with the other files.</summary>
public sealed record ScanError(string Path, string Message, int? Line = null, int? Column = null)
{
    /// <summary><c>path:line:column: message</c>, the one-line form shown to users.</summary>
    public override string ToString() =>
        Line is { } line
            ? Column is { } column ? $"{Path}:{line}:{column}: {Message}" : $"{Path}:{line}: {Message}"
            : $"{Path}: {Message}";
}

/// <summary>A file that was deliberately not scanned (too large, binary), so the report is honest about coverage.</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>A finding that matched and was then suppressed, and why.</summary>
public sealed record SuppressedFinding(Finding Finding, SuppressionKind Kind, string Reason);

public enum SuppressionKind
{
    Inline,
    Config,
    Baseline,
}

/// <summary>Thrown by a parser for malformed input; the engine turns it into a <see cref="ScanError"/>.</summary>
public sealed class InputFormatException : Exception
{
    public InputFormatException(string message, int? line = null, int? column = null)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public InputFormatException()
    {
    }

    public InputFormatException(string message)
        : base(message)
    {
    }

    public InputFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int? Line { get; }

    public int? Column { get; }
}
