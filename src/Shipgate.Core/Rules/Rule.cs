namespace Shipgate.Core;

/// <summary>A rule: metadata plus, in subclasses, one way to analyse a typed document.</summary>
public interface IRule
{
    RuleMetadata Metadata { get; }
}

/// <summary>
/// A rule that analyses one parsed document. Rules are stateless and immutable, so one instance
/// is shared by every thread of a scan. They never read files: the scanner parses once and hands
/// the document to every rule.
/// </summary>
/// <typeparam name="TDocument">The typed model the domain parses a file into.</typeparam>
public abstract class Rule<TDocument> : IRule
{
    public abstract RuleMetadata Metadata { get; }

    public abstract IEnumerable<Finding> Analyze(TDocument document, RuleContext context);

    /// <summary>
    /// The metadata every domain's rule base builds: identity, severity, confidence and status plus peer equivalents,
    /// description, remediation and tags. Domain bases wrap this with their category and tag prefix.
    /// </summary>
    protected static RuleMetadata Describe(
        Category category,
        string id,
        string name,
        string title,
        Severity severity,
        Confidence confidence,
        string[] equivalents,
        string description,
        string remediation,
        RuleStatus status,
        string[] tags) =>
        new(id, name, title, category, severity, confidence, status)
        {
            Equivalents = equivalents,
            Description = description,
            Remediation = remediation,
            Tags = tags,
        };
}
