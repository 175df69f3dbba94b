using Shipgate.Containers.Rules;
using Shipgate.Core;

namespace Shipgate.Containers.Images.Rules;

internal sealed class ImageSecretNameInEnvironment : ImageRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IMG005", "image-secret-name-in-environment", "Image sets a credential-like environment variable",
        Severity.High, Confidence.Medium,
        ["dockle:CIS-DI-0010"],
        "The image config sets an environment variable whose name says it holds a credential (password, token, API key, secret) to a non-empty value. Everyone who can pull the image can read it with 'docker inspect'. Values that match a known secret format are also reported by the secrets rules (SEC…).",
        "Remove the variable from the image (ENV in the Dockerfile or its base) and supply the secret at run time from the orchestrator's secret store; rotate the value if it was real.",
        "secrets", "cwe-538");

    public override IEnumerable<Finding> Analyze(ImageConfigDocument document, RuleContext context)
    {
        foreach (var variable in document.Config.Env)
        {
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? variable : variable[..equals];
            var value = equals < 0 ? "" : variable[(equals + 1)..];
            if (value.Length > 0 && !LooksLikeReference(value) && SecretInEnvironment.IsSensitiveName(name))
            {
                yield return Report(context, document, document.LineOf("\"" + name + "="),
                    $"The image sets '{name}' in its environment, which looks like a secret; anyone who can pull the image can read it.", "env:" + name);
            }
        }
    }

    /// <summary>Values that point at a secret rather than hold one: a file path or a placeholder.</summary>
    private static bool LooksLikeReference(string value) =>
        value.StartsWith('/') || value.StartsWith("${", StringComparison.Ordinal) || value is "changeme" or "none" or "null" or "false" or "true";
}
