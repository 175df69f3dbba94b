namespace Shipgate.Gate.Contracts;

// The HTTP API's request and response bodies (JSON, camelCase). Shared with the CLI client.

/// <summary>A deployment request: what is deployed where, and where it comes from (CI variables).</summary>
public sealed record DeploymentRequestBody(
    string Environment,
    string Commit,
    string Ref,
    string? Artifact = null,
    string? Repository = null,
    string? Workflow = null,
    string? RunId = null,
    string? RunNumber = null,
    string? CommitMessage = null,
    string? Author = null,
    string? TriggeredBy = null);

public sealed record ApprovalDto(string Approver, string Decision, IReadOnlyList<string> Groups, string? Comment, DateTimeOffset At);

public sealed record RuleProgressDto(string Group, int Count, int Filled, IReadOnlyList<string> Approvers);

public sealed record DeploymentDto(
    long Id,
    string Environment,
    string Status,
    string Commit,
    string Ref,
    string? Artifact,
    string? Repository,
    string? Workflow,
    string? RunId,
    string? RunNumber,
    string? CommitMessage,
    string? Author,
    string? TriggeredBy,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    long? SupersededBy,
    string? OverrideReason,
    string? OverrideBy,
    string? Verification,
    IReadOnlyList<ApprovalDto> Approvals,
    IReadOnlyList<RuleProgressDto> Rules,
    IReadOnlyList<string> Waiting,
    string Etag);

public sealed record DecisionBody(string? Comment = null);

public sealed record OverrideBody(string Reason);

/// <summary><c>success</c> or <c>failure</c>.</summary>
public sealed record FinishBody(string Status);

/// <summary>The outcome of a post-deployment health loop: <c>healthy</c> or <c>unhealthy</c>.</summary>
public sealed record VerificationBody(string Outcome, string? Url = null, int Attempts = 1, string? Detail = null);

/// <summary>A named check result for one commit, e.g. <c>security-scan</c> = <c>success</c>.</summary>
public sealed record CheckBody(string Commit, string Name, string Status, string? Repository = null, string? Summary = null, string? Url = null);

public sealed record CheckDto(string Commit, string Name, string Status, string? Repository, string? Summary, string? Url, string ReportedBy, DateTimeOffset ReportedAt);

/// <summary>A token to create; <see cref="Environments"/> limits it to those environments (none: every environment).</summary>
public sealed record TokenCreateBody(string Name, string Role, IReadOnlyList<string>? Groups = null, bool Machine = false, DateTimeOffset? ExpiresAt = null, IReadOnlyList<string>? Environments = null);

public sealed record TokenDto(string Id, string Name, string Role, IReadOnlyList<string> Groups, bool Machine, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, IReadOnlyList<string>? Environments = null);

/// <summary>A new token; <see cref="Secret"/> is shown this once and stored only as a hash.</summary>
public sealed record TokenCreatedDto(TokenDto Token, string Secret);

public sealed record ConfigApplyBody(string Yaml, string? FileName = null);

public sealed record ConfigDto(long Version, string Yaml, DateTimeOffset AppliedAt, string AppliedBy);

public sealed record EnvironmentDto(
    string Name,
    bool RequiresApproval,
    IReadOnlyList<RuleProgressDto> ApprovalRules,
    bool PreventSelfApproval,
    IReadOnlyList<string> AllowedRefs,
    string? PromotionFrom,
    IReadOnlyList<string> RequiredChecks,
    int WaitTimerMinutes,
    double ApprovalExpiryHours,
    IReadOnlyList<string> FreezeWindows,
    string? ActiveFreeze,
    string? HealthCheckUrl,
    long? InProgressDeployment);

public sealed record WhoAmIDto(string Name, string Role, IReadOnlyList<string> Groups, bool Machine, IReadOnlyList<string>? Environments = null);
