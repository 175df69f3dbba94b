namespace Shipgate.Gate.Infrastructure;

// Dapper row shapes (snake_case columns map to these names). Internal: the API speaks Contracts/.
#pragma warning disable CA1812 // Instantiated by Dapper.
internal sealed class DeploymentRow
{
    public long Id { get; set; }
    public string Environment { get; set; } = "";
    public string Status { get; set; } = "";
    public string CommitSha { get; set; } = "";
    public string Ref { get; set; } = "";
    public string? Artifact { get; set; }
    public string? Repository { get; set; }
    public string? Workflow { get; set; }
    public string? RunId { get; set; }
    public string? RunNumber { get; set; }
    public string? CommitMessage { get; set; }
    public string? Author { get; set; }
    public string? TriggeredBy { get; set; }
    public string RequestedBy { get; set; } = "";
    public string RequestedAt { get; set; } = "";
    public string? DecidedAt { get; set; }
    public string? ExpiresAt { get; set; }
    public string? StartedAt { get; set; }
    public string? FinishedAt { get; set; }
    public long? SupersededBy { get; set; }
    public string? OverrideReason { get; set; }
    public string? OverrideBy { get; set; }
    public string? Verification { get; set; }
    public long Version { get; set; }
}

internal sealed class ApprovalRow
{
    public long DeploymentId { get; set; }
    public string Approver { get; set; } = "";
    public string Decision { get; set; } = "";
    public string GroupsJson { get; set; } = "[]";
    public string? Comment { get; set; }
    public string CreatedAt { get; set; } = "";
}

internal sealed class TokenRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string GroupsJson { get; set; } = "[]";
    public long Machine { get; set; }
    public string EnvironmentsJson { get; set; } = "[]";
    public string CreatedAt { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public string? ExpiresAt { get; set; }
    public string? RevokedAt { get; set; }
}

internal sealed class CheckRow
{
    public string CommitSha { get; set; } = "";
    public string Name { get; set; } = "";
    public string Status { get; set; } = "";
    public string? Repository { get; set; }
    public string? Summary { get; set; }
    public string? Url { get; set; }
    public string ReportedBy { get; set; } = "";
    public string ReportedAt { get; set; } = "";
}
#pragma warning restore CA1812
