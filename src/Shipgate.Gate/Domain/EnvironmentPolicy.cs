namespace Shipgate.Gate.Domain;

/// <summary>One approval rule: <paramref name="Count"/> distinct members of <paramref name="Group"/> must approve.</summary>
public sealed record ApprovalRule(string Group, int Count);

/// <summary>The protection rules of one environment, as the gate configuration declares them. Immutable.</summary>
public sealed record EnvironmentPolicy
{
    public required string Name { get; init; }

    /// <summary>All must be satisfied; one person fills at most one slot across all rules.</summary>
    public IReadOnlyList<ApprovalRule> ApprovalRules { get; init; } = [];

    /// <summary>The requester (and the CI actor who triggered the request) may not approve. On unless turned off explicitly.</summary>
    public bool PreventSelfApproval { get; init; } = true;

    /// <summary>Refs a deployment may come from; empty means any.</summary>
    public IReadOnlyList<RefPattern> AllowedRefs { get; init; } = [];

    /// <summary>The environment the same commit must have been deployed to successfully first (promotion order).</summary>
    public string? PromotionFrom { get; init; }

    /// <summary>Named check results that must be <c>success</c> for the exact commit.</summary>
    public IReadOnlyList<string> RequiredChecks { get; init; } = [];

    /// <summary>How long after the request a deployment must wait (0 to 43,200 minutes).</summary>
    public TimeSpan WaitTimer { get; init; } = TimeSpan.Zero;

    /// <summary>How long a request (or an unstarted approval) stays valid.</summary>
    public TimeSpan ApprovalExpiry { get; init; } = TimeSpan.FromDays(30);

    public IReadOnlyList<FreezeWindow> FreezeWindows { get; init; } = [];

    /// <summary>This environment's health check; the next stage runs it before it starts.</summary>
    public HealthCheck? HealthCheck { get; init; }

    /// <summary>The health check's URL, if there is one.</summary>
    public Uri? HealthCheckUrl => HealthCheck?.Url;

    public bool RequiresApproval => ApprovalRules.Count > 0;

    public bool AllowsRef(string gitRef) => AllowedRefs.Count == 0 || AllowedRefs.Any(p => p.IsMatch(gitRef));

    public FreezeOccurrence? FreezeAt(DateTimeOffset instant) =>
        FreezeWindows.Select(w => w.ActiveAt(instant)).Where(o => o is not null).OrderByDescending(o => o!.End).FirstOrDefault();
}
