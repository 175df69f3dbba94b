using Shipgate.Core;
using Shipgate.Workflows.Yaml;
using Shipgate.Yaml;

namespace Shipgate.Workflows;

/// <summary>
/// A finding plus what the scanner needs to filter it: the persona it is shown to and the source lines of
/// the feature it is about (a <c># zizmor: ignore[...]</c> comment on any of them silences it). Immutable.
/// </summary>
public sealed record AuditHit(Finding Finding, Persona Persona, int FeatureStartLine, int FeatureEndLine);

/// <summary>A parsed YAML file a rule analyses; the scanner reads comments through <see cref="Source"/>.</summary>
public interface IYamlDocument
{
    SourceText Source { get; }
}

/// <summary>
/// Base of every workflows rule: one <see cref="Audit"/> method that yields <see cref="AuditHit"/>s.
/// <see cref="Analyze"/> keeps the plain <see cref="Rule{TDocument}"/> contract (regular persona).
/// Rules are stateless; one instance serves every thread.
/// </summary>
/// <typeparam name="TDocument">The parsed document type.</typeparam>
public abstract class WorkflowRule<TDocument> : Rule<TDocument>
    where TDocument : IYamlDocument
{
    public sealed override IEnumerable<Finding> Analyze(TDocument document, RuleContext context) =>
        Audit(document, new AuditScope(context, document.Source)).Where(h => h.Persona == Persona.Regular).Select(h => h.Finding);

    /// <summary>Every hit of this rule on the document, for every persona.</summary>
    public abstract IEnumerable<AuditHit> Audit(TDocument document, AuditScope scope);
}

/// <summary>What a rule needs to report: the rule context, the source text, and hit builders. Thread-confined.</summary>
public sealed class AuditScope(RuleContext context, SourceText source)
{
    public RuleContext Context { get; } = context;

    public SourceText Source { get; } = source;

    /// <summary>A hit at <paramref name="location"/>; the feature defaults to the location's lines.</summary>
    public AuditHit Hit(
        IRule rule,
        Location location,
        string message,
        string material,
        YamlNode? feature = null,
        Severity? severity = null,
        Confidence? confidence = null,
        Persona persona = Persona.Regular,
        Fix? fix = null)
    {
        var finding = Context.Report(rule, location, message, material, snippet: Source.Lines.LineText(location.StartLine).Trim(), fix: fix, confidence: confidence, severity: severity);
        var startLine = feature?.Start.Line ?? location.StartLine;
        var endLine = feature is null ? location.EndLine : Math.Max(feature.Start.Line, Source.Span(feature.Start.Offset, feature.End.Offset).EndLine);
        return new AuditHit(finding, persona, Math.Min(startLine, location.StartLine), Math.Max(endLine, location.EndLine));
    }

    /// <summary>A hit on a key/value pair: located at the key, feature = the whole pair.</summary>
    public AuditHit AtEntry(IRule rule, YamlEntry entry, string message, string material, Severity? severity = null, Confidence? confidence = null, Persona persona = Persona.Regular)
    {
        var location = Source.Of(entry);
        var finding = Context.Report(rule, location, message, material, snippet: Source.Lines.LineText(location.StartLine).Trim(), confidence: confidence, severity: severity);
        return new AuditHit(finding, persona, location.StartLine, location.EndLine);
    }

    /// <summary>A hit on a node: located at its first character, feature = the node.</summary>
    public AuditHit AtNode(IRule rule, YamlNode node, string message, string material, Severity? severity = null, Confidence? confidence = null, Persona persona = Persona.Regular, YamlNode? feature = null) =>
        Hit(rule, Source.Of(node), message, material, feature ?? node, severity, confidence, persona);
}
