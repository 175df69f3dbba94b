using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class ConfigMapCredentials : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S037", "config-map-credentials", "ConfigMap holds a credential",
        Severity.High, Confidence.Medium,
        ["trivy:KSV-0109"],
        "A ConfigMap key with a credential-like name, or a line such as 'DB_PASSWORD=…' inside a ConfigMap value, carries a literal credential. ConfigMaps are not treated as sensitive: they are readable by far more principals than Secrets, are never encrypted at rest, and end up in logs and dashboards.",
        "Move the value into a Secret (or an external secret store), mount or reference it from there, and rotate the exposed credential.",
        "security", "cwe-798");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var resource in document.OfKind("ConfigMap"))
        {
            foreach (var entry in resource.Root.Mapping("data")?.Entries ?? [])
            {
                if (entry.Value is not YamlScalar value)
                {
                    continue;
                }

                if (SecretNames.IsSecretName(entry.Key.Value) && SecretNames.IsLiteral(value.Value) && !value.Value.Contains('\n'))
                {
                    yield return Report(context, document, entry, $"{resource.Display} stores a credential under key '{entry.Key.Value}'.", Key(resource, entry.Key.Value));
                    continue;
                }

                if (EmbeddedCredential(value.Value) is { } name)
                {
                    yield return Report(context, document, entry, $"{resource.Display} key '{entry.Key.Value}' holds a value for '{Clip(name)}'.", Key(resource, entry.Key.Value + "/" + name));
                }
            }
        }
    }

    // Finds "NAME=value" or "name: value" lines (env files, properties, nested YAML) naming a credential with a literal value.
    private static string? EmbeddedCredential(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#'))
            {
                continue;
            }

            var cut = line.IndexOfAny(['=', ':']);
            if (cut <= 0)
            {
                continue;
            }

            var name = line[..cut].Trim().Trim('"', '\'');
            if (name.StartsWith("export ", StringComparison.Ordinal))
            {
                name = name[7..].Trim();
            }

            var value = line[(cut + 1)..].Trim();
            if (name.Contains(' ', StringComparison.Ordinal) || value.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (SecretNames.IsSecretName(name) && SecretNames.IsLiteral(value))
            {
                return name;
            }
        }

        return null;
    }
}
