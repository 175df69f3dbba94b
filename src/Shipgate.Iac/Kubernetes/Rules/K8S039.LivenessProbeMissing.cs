using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class LivenessProbeMissing : KubernetesRule
{
    private static readonly string[] RunToCompletion = ["Job", "CronJob", "Pod"];

    public override RuleMetadata Metadata { get; } = Define(
        "K8S039", "liveness-probe-missing", "Container has no liveness probe",
        Severity.Info, Confidence.Medium,
        ["checkov:CKV_K8S_8", "polaris:livenessProbeMissing"],
        "Without a liveness probe a deadlocked or wedged process keeps its pod Running forever: nothing restarts it. Jobs, CronJobs and bare Pods are not checked: they run to completion or are not managed by a controller.",
        "Add a livenessProbe (HTTP, TCP or exec) that fails only when the process cannot recover by itself.",
        "reliability");

    public override bool ReportsMissingSettings => true;

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            if (container.Kind == ContainerKind.Regular && Array.IndexOf(RunToCompletion, resource.Kind) < 0 && !container.Mapping.ContainsKey("livenessProbe"))
            {
                yield return Report(context, document, container.Mapping, $"{Subject(resource, container)} has no livenessProbe.", Key(resource, container));
            }
        }
    }
}
