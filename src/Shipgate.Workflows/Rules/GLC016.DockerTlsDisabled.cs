using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC016: docker daemon reached without tls.</summary>
public sealed class DockerTlsDisabled : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC016", "docker-tls-disabled", "Docker daemon reached without TLS", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["concept:GLC-DOCKER-TLS-DISABLED"],
        Description = "DOCKER_TLS_CERTDIR set to an empty string, or DOCKER_HOST on tcp://...:2375, exposes the Docker-in-Docker daemon without authentication to everything that can reach it on the runner network.",
        Remediation = "Keep DOCKER_TLS_CERTDIR: /certs and use tcp://docker:2376 with the generated certificates.",
        Tags = ["security", "transport"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var variable in GitLabSupport.Variables(document))
        {
            var name = variable.Entry.Key.Value;
            var value = variable.Value.Trim();
            if ((name == "DOCKER_TLS_CERTDIR" && value.Length == 0) || (name == "DOCKER_HOST" && value.Contains(":2375", StringComparison.Ordinal)))
            {
                yield return scope.At(this, variable.Source, variable.Entry, $"{name} in {variable.Owner} makes the Docker daemon listen without TLS.", variable.Owner + ":" + name);
            }
        }
    }
}
