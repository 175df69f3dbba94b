using System.CommandLine.Parsing;
using Shipgate.Core;
using Shipgate.Reporting;

namespace Shipgate.Cli.Commands;

/// <summary>Parsers for enum-valued options whose errors list the valid lower-case spellings.</summary>
internal static class EnumOptions
{
    public static ReportFormat[] Formats(ArgumentResult result) =>
        result.Tokens.Select(t => Parse<ReportFormat>(result, t.Value, "--format", ParseFormat, FormatNames)).OfType<ReportFormat>().ToArray();

    public static Severity? Severity(ArgumentResult result) =>
        result.Tokens.Count == 0 ? null : Parse<Severity>(result, result.Tokens[^1].Value, "--fail-on", TryParseSeverity, EnumNames.WireNames<Severity>());

    /// <summary>The wire names, plus npm's <c>moderate</c> for <c>--audit-level</c> users.</summary>
    private static bool TryParseSeverity(string text, out Severity severity)
    {
        if (text.Trim().Equals("moderate", StringComparison.OrdinalIgnoreCase))
        {
            severity = Core.Severity.Medium;
            return true;
        }

        return EnumNames.TryParseSeverity(text, out severity);
    }

    public static Confidence? Confidence(ArgumentResult result) =>
        result.Tokens.Count == 0 ? null : Parse<Confidence>(result, result.Tokens[^1].Value, "--min-confidence", EnumNames.TryParseConfidence, EnumNames.WireNames<Confidence>());

    private static readonly string[] FormatNames = ["console", "json", "sarif", "markdown", "junit", "github"];

    private static bool ParseFormat(string text, out ReportFormat format)
    {
        var index = Array.FindIndex(FormatNames, n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
        format = index switch
        {
            0 => ReportFormat.Console,
            1 => ReportFormat.Json,
            2 => ReportFormat.Sarif,
            3 => ReportFormat.Markdown,
            4 => ReportFormat.Junit,
            5 => ReportFormat.Github,
            _ => default,
        };
        return index >= 0;
    }

    private static T? Parse<T>(ArgumentResult result, string text, string option, TryParse<T> parse, IReadOnlyList<string> valid)
        where T : struct
    {
        if (parse(text, out var value))
        {
            return value;
        }

        result.AddError($"unknown value '{text}' for {option}; valid: {string.Join(", ", valid)}");
        return null;
    }

    private delegate bool TryParse<T>(string text, out T value);
}
