using Shipgate.Core;
using Shipgate.Iac.Kubernetes.Rules;

namespace Shipgate.Iac.Kubernetes;

/// <summary>
/// The Kubernetes rules that ship, in ID order: the only place a rule is turned on. <see cref="Create"/> returns a new
/// array each time, so nothing global is mutable; a catalogue test checks that every rule class is listed here.
/// </summary>
public static class KubernetesRuleCatalog
{
    /// <summary>Every Kubernetes rule, as the engine sees them.</summary>
    public static IReadOnlyList<IRule> All() => Create();

    internal static IReadOnlyList<KubernetesRule> Create() =>
    [
        new PrivilegedContainer(),
        new PrivilegeEscalationAllowed(),
        new RunAsRootAllowed(),
        new RunAsUserRoot(),
        new LowUserId(),
        new LowGroupId(),
        new RunAsGroupRoot(),
        new CapabilitiesNotDropped(),
        new CapabilitySysAdmin(),
        new DangerousCapabilityAdded(),
        new CapabilitiesAdded(),
        new HostNetwork(),
        new HostPid(),
        new HostIpc(),
        new HostPort(),
        new HostPathVolume(),
        new ContainerRuntimeSocketMounted(),
        new WritableRootFilesystem(),
        new SeccompProfileNotSet(),
        new SeccompUnconfined(),
        new AppArmorUnconfined(),
        new SeLinuxCustomOptions(),
        new UnmaskedProcMount(),
        new UnsafeSysctl(),
        new NonCoreVolumeType(),
        new ImageTagLatest(),
        new ImageNotPinnedByDigest(),
        new ImagePullPolicyNotAlways(),
        new CpuLimitMissing(),
        new CpuRequestMissing(),
        new MemoryLimitMissing(),
        new MemoryRequestMissing(),
        new ServiceAccountTokenAutomounted(),
        new SecretInContainerEnv(),
        new DefaultNamespace(),
        new KubeSystemWorkload(),
        new ConfigMapCredentials(),
        new SecretManifestValues(),
        new LivenessProbeMissing(),
        new ReadinessProbeMissing(),
        new RbacWildcard(),
        new RbacSecretsAccess(),
        new RbacPodExec(),
        new RbacEscalationVerbs(),
        new ClusterAdminBinding(),
        new ServiceExposedOutsideCluster(),
        new NetworkPolicyWithoutSelector(),
        new TillerDeployed(),
        new IngressNginxAnnotationInjection(),
        new IngressNginxSnippetAnnotation(),
    ];
}
