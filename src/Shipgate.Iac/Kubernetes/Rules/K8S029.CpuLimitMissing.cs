using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class CpuLimitMissing : MissingResourceRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S029", "cpu-limit-missing", "Container has no CPU limit",
        Severity.Low, Confidence.High,
        ["trivy:KSV-0011", "checkov:CKV_K8S_11", "polaris:cpuLimitsMissing", "kubesec:limitsCPU"],
        "Reports containers (regular and init) without 'resources.limits.cpu'. Without a CPU limit one container can use every core of the node and starve its neighbours, which turns a bug or a compromise into a node-wide denial of service.",
        "Set resources.limits.cpu to a value measured under load.",
        "reliability");

    protected override string Section => "limits";

    protected override string Resource => "cpu";
}
