using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class MemoryRequestMissing : MissingResourceRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S032", "memory-request-missing", "Container has no memory request",
        Severity.Low, Confidence.High,
        ["trivy:KSV-0016", "checkov:CKV_K8S_12", "polaris:memoryRequestsMissing", "kubesec:requestsMemory"],
        "Reports containers (regular and init) without 'resources.requests.memory' or a memory limit it would default to. Without a memory request (or limit) the scheduler can overcommit the node, and the pod is among the first evicted under memory pressure.",
        "Set resources.requests.memory to the typical usage of the container.",
        "reliability");

    protected override string Section => "requests";

    protected override string Resource => "memory";
}
