using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class LastUserRoot : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR004", "last-user-root", "Stage switches to root and never back",
        Severity.High, Confidence.High,
        ["hadolint:DL3002", "trivy:DS-0002", "checkov:CKV_DOCKER_8"],
        "The last USER instruction of a stage is root (by name or UID 0). Containers from that image, or from images built on that stage, run as root, so an escape from the application has full control of the container and an easier path to the host.",
        "End the stage with 'USER <non-root-user>' (create the user first, for example with 'useradd -r -u 10001 app').",
        tags: ["hardening", "cwe-250"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var stage in document.Stages)
        {
            var last = stage.Instructions.LastOrDefault(i => i.Is("USER"));
            if (last is not null && IsRoot(last.Body))
            {
                yield return Report(context, document, last, $"Stage {stage.Index + 1} ends with 'USER {last.Body}', so its containers run as root.", last.Body);
            }
        }
    }

    internal static bool IsRoot(string user)
    {
        var name = user.Trim().Trim('"', '\'');
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            name = name[..colon];
        }

        return name.Equals("root", StringComparison.OrdinalIgnoreCase) || name == "0";
    }
}
