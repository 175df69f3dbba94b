namespace Shipgate.Gate.Domain;

/// <summary>
/// The authenticated identity behind a request: the token's name, role and groups (the token's own plus the groups the
/// gate configuration lists the name in), whether it is a machine identity, the source address, and the environments
/// the token is limited to (none: every environment).
/// </summary>
public sealed record Caller(string Name, Role Role, IReadOnlyList<string> Groups, bool Machine, string? SourceAddress, string TokenId, IReadOnlyList<string>? Environments = null)
{
    /// <summary>True when the token is limited to some environments.</summary>
    public bool Scoped => Environments is { Count: > 0 };

    /// <summary>True when the token may request, approve or see deployments to <paramref name="environment"/>.</summary>
    public bool MayAccess(string environment) =>
        !Scoped || Environments!.Contains(environment, StringComparer.OrdinalIgnoreCase);

    /// <summary>The ProblemDetails text for a refusal by environment scope.</summary>
    public string ScopeRefusal(string environment) =>
        $"Token {TokenId} ('{Name}') is limited to the environments {string.Join(", ", Environments ?? [])}; '{environment}' is not one of them.";
}
