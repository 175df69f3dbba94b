using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class MemoryLimitMissing : MissingResourceRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S031", "memory-limit-missing", "Container has no memory limit",
        Severity.Low, Confidence.High,
        ["trivy:KSV-0018", "checkov:CKV_K8S_13", "polaris:memoryLimitsMissing", "kubesec:limitsMemory"],
        "Reports containers (regular and init) without 'resources.limits.memory'. Without a memory limit a leak or an attacker can exhaust the node's memory; the kernel OOM killer then picks victims among all pods on the node.",
        "Set resources.limits.memory to a value measured under load.",
        "reliability");

    protected override string Section => "limits";

    protected override string Resource => "memory";
}
