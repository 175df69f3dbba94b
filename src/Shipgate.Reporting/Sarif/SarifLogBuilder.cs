using System.Text.Json;
using Shipgate.Core;
using Shipgate.Reporting.Internal;

namespace Shipgate.Reporting.Sarif;

/// <summary>Builds the SARIF object model for one scan. Pure: the same result always gives the same log.</summary>
internal static class SarifLogBuilder
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string FingerprintKey = "shipgate/v1";

    private static readonly HashSet<string> ReservedPropertyNames = new(StringComparer.Ordinal) { "severity", "confidence", "equivalents" };

    public static SarifLog Build(ScanResult result)
    {
        var rules = ReportOrder.Rules(result);
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);

        var results = new List<SarifResult>();
        results.AddRange(ReportOrder.Findings(result.Findings).Select(f => ToResult(f, null, ruleIndex, result.BaseDirectory)));
        results.AddRange(ReportOrder.Suppressed(result.Suppressed).Select(s => ToResult(s.Finding, s, ruleIndex, result.BaseDirectory)));

        var baseUri = SarifUris.BaseUri(result.BaseDirectory);
        var driver = new SarifToolComponent(
            result.Tool.Name,
            result.Tool.Version,
            result.Tool.Version,
            ToolInfo.InformationUri,
            [.. rules.Select(SarifMapping.ToReportingDescriptor)]);

        var run = new SarifRun(
            new SarifTool(driver),
            [ToInvocation(result)],
            baseUri is null ? null : new SortedDictionary<string, SarifArtifactLocation>(StringComparer.Ordinal)
            {
                [SarifUris.SourceRoot] = new SarifArtifactLocation(baseUri),
            },
            results,
            "utf16CodeUnits");

        return new SarifLog(SchemaUri, "2.1.0", [run]);
    }

    private static SarifResult ToResult(Finding finding, SuppressedFinding? suppressed, Dictionary<string, int> ruleIndex, string baseDirectory)
    {
        var artifact = SarifUris.ArtifactLocation(finding.Location.Path, baseDirectory);
        var fingerprints = new SortedDictionary<string, string>(StringComparer.Ordinal) { [FingerprintKey] = finding.Fingerprint };
        return new SarifResult(
            finding.RuleId,
            ruleIndex[finding.RuleId],
            SarifMapping.Level(finding.Severity),
            new SarifMessage(finding.Message),
            [new SarifLocation(new SarifPhysicalLocation(artifact, Region(finding.Location), ContextRegion(finding)))],
            fingerprints,
            fingerprints,
            suppressed is null ? null : [new SarifSuppression(SarifMapping.SuppressionKind(suppressed.Kind), suppressed.Reason)],
            finding.Fix is { } fix ? [ToFix(fix, artifact)] : null,
            new SarifResultProperties(
                finding.Severity.ToWire(),
                finding.Confidence.ToWire(),
                [.. finding.Equivalents])
            {
                FindingProperties = FindingProperties(finding.Properties),
            });
    }

    /// <summary>Shipgate's end column is inclusive; SARIF's points just past the last character.</summary>
    private static SarifRegion Region(Location location) => new(
        StartLine: Math.Max(1, location.StartLine),
        StartColumn: Math.Max(1, location.StartColumn),
        EndLine: Math.Max(location.StartLine, location.EndLine),
        EndColumn: Math.Max(1, location.EndColumn) + 1);

    /// <summary>
    /// The snippet holds whole source lines, which is SARIF's context region, not the (narrower) result region. SARIF
    /// requires the context to contain the result region (SARIF1008), so a snippet that shows only the first lines of a
    /// longer region (a finding on a whole block) is left out rather than written as a smaller "context".
    /// </summary>
    private static SarifRegion? ContextRegion(Finding finding)
    {
        if (finding.Snippet is not { } snippet)
        {
            return null;
        }

        var startLine = Math.Max(1, finding.Location.StartLine);
        var lineCount = snippet.TrimEnd('\n', '\r').Split('\n').Length;
        var endLine = startLine + lineCount - 1;
        return endLine < Math.Max(startLine, finding.Location.EndLine)
            ? null
            : new SarifRegion(StartLine: startLine, EndLine: endLine, Snippet: new SarifArtifactContent(snippet));
    }

    private static SarifFix ToFix(Fix fix, SarifArtifactLocation artifact) => new(
        new SarifMessage(fix.Description),
        [new SarifArtifactChange(
            artifact,
            [.. fix.Edits
                .OrderBy(e => e.Offset)
                .ThenBy(e => e.Length)
                .Select(e => new SarifReplacement(
                    new SarifRegion(CharOffset: e.Offset, CharLength: e.Length),
                    new SarifArtifactContent(e.NewText)))])]);

    /// <summary>
    /// The finding's own properties, sorted. A key that would clash with Shipgate's (<c>severity</c>, …) is
    /// kept under a <c>finding.</c> prefix instead of overwriting it.
    /// </summary>
    private static SortedDictionary<string, JsonElement>? FindingProperties(IReadOnlyDictionary<string, string> properties)
    {
        if (properties.Count == 0)
        {
            return null;
        }

        var bag = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            var name = ReservedPropertyNames.Contains(key) ? "finding." + key : key;
            bag[name] = JsonSerializer.SerializeToElement(value, SarifJsonContext.Output.String);
        }

        return bag;
    }

    private static SarifInvocation ToInvocation(ScanResult result)
    {
        var notifications = ReportOrder.Errors(result.Errors)
            .Select(error => new SarifNotification(
                "error",
                new SarifMessage(error.Message),
                [new SarifLocation(new SarifPhysicalLocation(
                    SarifUris.ArtifactLocation(error.Path, result.BaseDirectory),
                    error.Line is { } line ? new SarifRegion(StartLine: Math.Max(1, line), StartColumn: error.Column is { } column ? Math.Max(1, column) : null) : null))]))
            .ToList();

        return new SarifInvocation(
            ExecutionSuccessful: true,
            ReportText.Timestamp(result.StartedAt),
            ReportText.Timestamp(result.StartedAt + result.Duration),
            notifications.Count == 0 ? null : notifications);
    }
}
