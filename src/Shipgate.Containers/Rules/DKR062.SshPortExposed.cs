using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class SshPortExposed : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR062", "ssh-port-exposed", "Image exposes the SSH port",
        Severity.Medium, Confidence.High,
        ["trivy:DS-0004", "checkov:CKV_DOCKER_1"],
        "EXPOSE 22 means the container is meant to run an SSH server: another long-lived credential, another daemon to patch, and a way around the orchestrator's access controls.",
        "Remove the SSH server and EXPOSE 22; use 'docker exec' / 'kubectl exec' for access.",
        tags: ["hardening"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var expose in document.EffectiveOfKind("EXPOSE"))
        {
            foreach (var word in ArgumentWords.Split(expose.Body))
            {
                var port = word.Value.Split('/')[0];
                if (port == "22" || (port.Contains('-', StringComparison.Ordinal) && ExposePorts.Covers(port, 22)))
                {
                    yield return Report(context, document, expose, $"EXPOSE '{word.Value}' opens the SSH port 22.", word.Value);
                }
            }
        }
    }
}

/// <summary>Port text helpers for EXPOSE. Pure.</summary>
internal static class ExposePorts
{
    public static bool Covers(string range, int port)
    {
        var parts = range.Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var low)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var high) && low <= port && port <= high;
    }
}
