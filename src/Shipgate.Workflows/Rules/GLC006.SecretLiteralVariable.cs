using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC006: secret value written in a pipeline variable.</summary>
public sealed class SecretLiteralVariable : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC006", "secret-literal-variable", "Secret value written in a pipeline variable", Category.Workflows, Severity.High, Confidence.Medium)
    {
        Equivalents = ["concept:GLC-SECRET-LITERAL", "concept:SECRET-IN-CONFIG"],
        Description = "variables: in .gitlab-ci.yml are part of the repository: a token or password written there is readable by everyone with read access and stays in the history after it is removed.",
        Remediation = "Store the value as a masked, protected CI/CD variable in the project or group settings (or an external secrets manager) and rotate the exposed one.",
        Tags = ["security", "secrets", "cwe-798"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var variable in GitLabSupport.Variables(document))
        {
            var value = variable.Value.Trim();
            if (GitLabSupport.IsSecretName(variable.Entry.Key.Value) && value.Length >= 6 && !value.Contains('$', StringComparison.Ordinal)
                && !value.Equals("true", StringComparison.OrdinalIgnoreCase) && !value.Equals("false", StringComparison.OrdinalIgnoreCase)
                && !value.StartsWith("vault:", StringComparison.OrdinalIgnoreCase) && !value.Contains(' ', StringComparison.Ordinal))
            {
                yield return scope.At(this, variable.Source, variable.Entry, $"{variable.Entry.Key.Value} in {variable.Owner} holds a literal value that looks like a credential.", variable.Owner + ":" + variable.Entry.Key.Value);
            }
        }
    }
}
