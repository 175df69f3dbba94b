using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class ReadinessProbeMissing : KubernetesRule
{
    private static readonly string[] RunToCompletion = ["Job", "CronJob", "Pod"];

    public override RuleMetadata Metadata { get; } = Define(
        "K8S040", "readiness-probe-missing", "Container has no readiness probe",
        Severity.Info, Confidence.Medium,
        ["checkov:CKV_K8S_9", "polaris:readinessProbeMissing"],
        "Without a readiness probe a pod receives Service traffic as soon as its containers start, before the application can answer, and keeps receiving it while overloaded. Jobs, CronJobs and bare Pods are not checked: they run to completion or are not managed by a controller.",
        "Add a readinessProbe that succeeds only when the container can serve requests.",
        "reliability");

    public override bool ReportsMissingSettings => true;

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            if (container.Kind == ContainerKind.Regular && Array.IndexOf(RunToCompletion, resource.Kind) < 0 && !container.Mapping.ContainsKey("readinessProbe"))
            {
                yield return Report(context, document, container.Mapping, $"{Subject(resource, container)} has no readinessProbe.", Key(resource, container));
            }
        }
    }
}
