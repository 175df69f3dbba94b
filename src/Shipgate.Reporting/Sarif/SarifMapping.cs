using Shipgate.Core;

namespace Shipgate.Reporting.Sarif;

/// <summary>
/// The single place where Shipgate's vocabulary meets SARIF's: rule metadata to <c>reportingDescriptor</c>,
/// severity to <c>level</c> and GitHub's <c>security-severity</c>, confidence to <c>precision</c>,
/// suppression kinds to SARIF's.
/// </summary>
internal static class SarifMapping
{
    public static SarifReportingDescriptor ToReportingDescriptor(RuleMetadata rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var helpUri = rule.HelpUrl;

        // GitHub code scanning requires fullDescription and help on every rule, so fall back to the
        // title and the documentation link when a rule has no description or remediation yet.
        var fullDescription = string.IsNullOrWhiteSpace(rule.Description) ? rule.Title : rule.Description;
        var help = string.IsNullOrWhiteSpace(rule.Remediation)
            ? new SarifMultiformatMessage("See " + helpUri + ".", "See [" + rule.Id + "](" + helpUri + ").")
            : new SarifMultiformatMessage(rule.Remediation, rule.Remediation);

        return new SarifReportingDescriptor(
            rule.Id,
            rule.Name,
            new SarifMultiformatMessage(rule.Title),
            new SarifMultiformatMessage(fullDescription),
            help,
            helpUri,
            new SarifReportingConfiguration(Level(rule.DefaultSeverity)),
            new SarifRuleProperties(
                SecuritySeverity(rule.DefaultSeverity),
                Precision(rule.Confidence),
                Tags(rule),
                ProblemSeverity(rule.DefaultSeverity)));
    }

    /// <summary>SARIF <c>level</c>: critical and high fail a build, medium warns, the rest are notes.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        Severity.Low or Severity.Info => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>GitHub's CVSS-like score, which sorts alerts into its critical/high/medium/low bands.</summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        Severity.Info => "1.0",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    public static string Precision(Confidence confidence) => confidence switch
    {
        Confidence.High => "high",
        Confidence.Medium => "medium",
        Confidence.Low => "low",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence)),
    };

    /// <summary>GitHub's <c>problem.severity</c> for non-security views: error, warning or recommendation.</summary>
    public static string ProblemSeverity(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        Severity.Low or Severity.Info => "recommendation",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>An inline marker lives in the source; config and baseline suppressions live outside it.</summary>
    public static string SuppressionKind(SuppressionKind kind) => kind switch
    {
        Core.SuppressionKind.Inline => "inSource",
        Core.SuppressionKind.Config or Core.SuppressionKind.Baseline => "external",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The rule's own tags, then its category, then <c>security</c> (which GitHub needs to show a security severity).</summary>
    public static IReadOnlyList<string> Tags(RuleMetadata rule) =>
        [.. rule.Tags.Append(rule.Category.ToWire()).Append("security").Distinct(StringComparer.Ordinal)];
}
