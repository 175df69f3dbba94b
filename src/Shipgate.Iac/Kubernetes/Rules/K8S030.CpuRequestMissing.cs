using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class CpuRequestMissing : MissingResourceRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S030", "cpu-request-missing", "Container has no CPU request",
        Severity.Low, Confidence.High,
        ["trivy:KSV-0015", "checkov:CKV_K8S_10", "polaris:cpuRequestsMissing", "kubesec:requestsCPU"],
        "Reports containers (regular and init) without 'resources.requests.cpu' or a CPU limit it would default to. Without a CPU request (or limit) the scheduler assumes the container needs nothing: pods get packed onto nodes that cannot serve them and are throttled first under contention.",
        "Set resources.requests.cpu to the typical usage of the container.",
        "reliability");

    protected override string Section => "requests";

    protected override string Resource => "cpu";
}
