namespace Shipgate.Core;

/// <summary>
/// Everything a report needs to know about a rule, declared once in the rule's own file.
/// </summary>
/// <param name="Id">Family prefix plus three digits (<c>SEC001</c>): stable, opaque, never reused.</param>
/// <param name="Name">Kebab-case name (<c>github-personal-access-token</c>); equals the class name without hyphens.</param>
/// <param name="Title">One line, sentence case, no trailing period.</param>
/// <param name="Category">The scanner domain the rule belongs to.</param>
/// <param name="DefaultSeverity">Severity before any configuration remaps it.</param>
/// <param name="Confidence">How sure the rule is that a hit is real.</param>
/// <param name="Status">Maturity; experimental rules are opt-in.</param>
public sealed record RuleMetadata(
    string Id,
    string Name,
    string Title,
    Category Category,
    Severity DefaultSeverity,
    Confidence Confidence,
    RuleStatus Status = RuleStatus.Stable)
{
    /// <summary>Peer rule ids with the same meaning, as <c>peer:ID</c> (<c>gitleaks:github-pat</c>, <c>hadolint:DL3007</c>).</summary>
    public IReadOnlyList<string> Equivalents { get; init; } = [];

    /// <summary>A paragraph that explains what the rule detects and why it matters (shown by <c>rules show</c>).</summary>
    public string Description { get; init; } = "";

    /// <summary>How to fix a finding of this rule, in one or two sentences.</summary>
    public string Remediation { get; init; } = "";

    /// <summary>Tags for SARIF and filtering (<c>security</c>, <c>cwe-798</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The rule's documentation page, derived from the id.</summary>
    public Uri HelpUri => RuleDocs.UriFor(Id);

    /// <summary><see cref="HelpUri"/> as text, for reports (without parsing a <see cref="Uri"/> per finding).</summary>
    public string HelpUrl => RuleDocs.UrlFor(Id);
}

/// <summary>Where rule documentation lives. The one place that knows the docs URL scheme.</summary>
public static class RuleDocs
{
    public const string BaseUrl = "https://github.com/shipgate/shipgate/blob/main/docs/rules/";

    public static Uri UriFor(string ruleId) => new(UrlFor(ruleId));

    /// <summary>The page's address as text; ids are letters and digits, so it needs no escaping.</summary>
    public static string UrlFor(string ruleId) => BaseUrl + ruleId + ".md";

    /// <summary>The docs path relative to the repository root.</summary>
    public static string RelativePathFor(string ruleId) => "docs/rules/" + ruleId + ".md";
}
