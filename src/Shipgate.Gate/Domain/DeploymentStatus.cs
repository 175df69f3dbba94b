namespace Shipgate.Gate.Domain;

/// <summary>Where a deployment request is in its lifecycle; see <see cref="DeploymentLifecycle"/> for the allowed moves.</summary>
public enum DeploymentStatus
{
    Pending,
    Approved,
    Rejected,
    Expired,
    Cancelled,
    Superseded,
    InProgress,
    Succeeded,
    Failed,
}

/// <summary>The request lifecycle: <c>pending → approved | rejected | expired | cancelled | superseded</c>, then <c>in_progress → succeeded | failed</c>.</summary>
public static class DeploymentLifecycle
{
    public static bool CanMove(DeploymentStatus from, DeploymentStatus to) => (from, to) switch
    {
        (DeploymentStatus.Pending, DeploymentStatus.Approved or DeploymentStatus.Rejected or DeploymentStatus.Expired
            or DeploymentStatus.Cancelled or DeploymentStatus.Superseded) => true,
        (DeploymentStatus.Approved, DeploymentStatus.InProgress or DeploymentStatus.Expired or DeploymentStatus.Cancelled
            or DeploymentStatus.Superseded) => true,
        (DeploymentStatus.InProgress, DeploymentStatus.Succeeded or DeploymentStatus.Failed) => true,
        _ => false,
    };

    /// <summary>True for statuses nothing can leave.</summary>
    public static bool IsFinal(DeploymentStatus status) => status is DeploymentStatus.Rejected or DeploymentStatus.Expired
        or DeploymentStatus.Cancelled or DeploymentStatus.Superseded or DeploymentStatus.Succeeded or DeploymentStatus.Failed;

    /// <summary>The wire spelling: <c>in_progress</c>, <c>pending</c>, …</summary>
    public static string ToWire(this DeploymentStatus status) => status switch
    {
        DeploymentStatus.Pending => "pending",
        DeploymentStatus.Approved => "approved",
        DeploymentStatus.Rejected => "rejected",
        DeploymentStatus.Expired => "expired",
        DeploymentStatus.Cancelled => "cancelled",
        DeploymentStatus.Superseded => "superseded",
        DeploymentStatus.InProgress => "in_progress",
        DeploymentStatus.Succeeded => "succeeded",
        DeploymentStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static DeploymentStatus FromWire(string value) => TryFromWire(value, out var status)
        ? status
        : throw new FormatException($"unknown deployment status '{value}'");

    public static bool TryFromWire(string? value, out DeploymentStatus status)
    {
        foreach (var candidate in Enum.GetValues<DeploymentStatus>())
        {
            if (string.Equals(candidate.ToWire(), value, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
