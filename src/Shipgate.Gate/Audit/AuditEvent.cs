namespace Shipgate.Gate.Audit;

/// <summary>
/// One thing that happened, as the service reports it to the audit log. Carries the PCI DSS 10.2 / SOC 2 fields:
/// who (actor, source address), what (type, outcome, environment, deployment), which code (repository, ref, commit,
/// commit message, author), from where (workflow, run id/number). The log adds the sequence number and timestamp.
/// </summary>
/// <param name="Type">Dotted event type, e.g. <c>deployment.requested</c>, <c>deployment.approved</c>, <c>token.created</c>, <c>auth.failed</c>.</param>
/// <param name="Actor">Token identity (or <c>anonymous</c> for failed authentication).</param>
/// <param name="Outcome"><c>success</c>, <c>failure</c> or <c>denied</c>.</param>
/// <param name="SourceAddress">The caller's IP address.</param>
/// <param name="Environment">The environment concerned, if any.</param>
/// <param name="DeploymentId">The deployment request concerned, if any.</param>
/// <param name="Repository">Repository of the code being deployed (e.g. <c>acme/shop</c>).</param>
/// <param name="Ref">Git ref, e.g. <c>refs/heads/main</c>.</param>
/// <param name="Commit">Full commit SHA.</param>
/// <param name="CommitMessage">First line of the commit message.</param>
/// <param name="Author">Commit author.</param>
/// <param name="Workflow">CI workflow or pipeline name.</param>
/// <param name="RunId">CI run id.</param>
/// <param name="RunNumber">CI run number.</param>
/// <param name="Details">Event-specific extra fields (comment, override reason, changed keys, …).</param>
public sealed record AuditEvent(
    string Type,
    string Actor,
    string Outcome,
    string? SourceAddress = null,
    string? Environment = null,
    string? DeploymentId = null,
    string? Repository = null,
    string? Ref = null,
    string? Commit = null,
    string? CommitMessage = null,
    string? Author = null,
    string? Workflow = null,
    string? RunId = null,
    string? RunNumber = null,
    IReadOnlyDictionary<string, string>? Details = null);
