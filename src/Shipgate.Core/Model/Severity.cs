namespace Shipgate.Core;

/// <summary>How bad a finding is. Ordered: compare with <c>&gt;=</c> against a threshold.</summary>
public enum Severity
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>How sure a rule is that a finding is real. Independent of <see cref="Severity"/>.</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}

/// <summary>Maturity of a rule. Experimental rules only run with <c>--include-experimental</c>.</summary>
public enum RuleStatus
{
    Experimental,
    Stable,
    Deprecated,
}

/// <summary>The scanner domains. The CLI spells them in lower case (<c>secrets</c>, <c>workflows</c>, ...).</summary>
public enum Category
{
    Secrets,
    Workflows,
    Deps,
    Docker,
    Iac,
}
