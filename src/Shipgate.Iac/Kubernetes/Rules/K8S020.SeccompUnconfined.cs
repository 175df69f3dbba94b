using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class SeccompUnconfined : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S020", "seccomp-unconfined", "Seccomp profile is Unconfined or not a known type",
        Severity.Medium, Confidence.High,
        ["trivy:KSV-0104", "trivy:KSV-0030"],
        "Reports seccomp profiles (field or legacy annotation) whose type is Unconfined or anything other than RuntimeDefault or Localhost. A seccomp profile of 'Unconfined' (or the legacy 'unconfined' annotation) switches system-call filtering off explicitly; a type other than RuntimeDefault or Localhost is not a valid profile and is rejected or ignored.",
        "Set 'seccompProfile.type' to RuntimeDefault, or to Localhost with a 'localhostProfile' tailored to the workload.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            if (Seccomp.Of(container) is { } profile && profile.Type is not "RuntimeDefault" and not "Localhost")
            {
                var shown = profile.Type.Length == 0 ? "(no type)" : Clip(profile.Type);
                yield return Report(context, document, profile.Node, $"{Subject(resource, container)} uses seccomp profile '{shown}'; use RuntimeDefault or Localhost.", Key(resource, container, profile.Type));
            }
        }
    }
}
