namespace Shipgate.Reporting.Internal;

/// <summary>
/// Escaping for GitHub Actions workflow commands (<c>::error file=…,title=…::message</c>), as the runner's
/// <c>ActionCommand</c> parser undoes it. Without it a message containing a newline or <c>::</c> could end
/// the command early and inject another one.
/// </summary>
internal static class WorkflowCommandText
{
    /// <summary>The message part: <c>%</c>, CR and LF are percent-encoded.</summary>
    public static string EscapeData(string value) =>
        DisplayText.Multiline(value)
            .Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A property value: as <see cref="EscapeData"/>, plus <c>:</c> and <c>,</c>, which delimit properties.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
