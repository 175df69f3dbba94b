namespace Shipgate.Gate.Audit;

/// <summary>
/// One thing that happened, as the service reports it to the audit log. Carries the PCI DSS 10.2 / SOC 2 fields:
/// who (actor, source address), what (type, outcome, environment, deployment), which code (repository, ref, commit,
/// commit message, author), from where (workflow, run id/number). The log adds the sequence number and timestamp.
/// </summary>
/// <param name="Type">Dotted event type, e.g. <c>deployment.requested</c>, <c>deployment.approved</c>, <c>token.created</c>, <c>auth.failed</c>.</param>
/// <param name="Actor">Token identity (or <c>anonymous</c> for failed authentication).</param>
/// <param name="Outcome"><c>success</c>, <c>failure</c> or <c>denied</c>.</param>
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
