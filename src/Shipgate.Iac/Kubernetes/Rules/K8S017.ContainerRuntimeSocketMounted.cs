using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class ContainerRuntimeSocketMounted : KubernetesRule
{
    private static readonly string[] Sockets =
    [
        "/var/run/docker.sock", "/run/docker.sock", "/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock",
        "/var/run/crio/crio.sock", "/run/crio/crio.sock", "/var/run/cri-dockerd.sock", "/run/podman/podman.sock",
    ];

    private static readonly string[] Parents = ["/", "/var", "/var/run", "/run", "/var/run/containerd", "/run/containerd", "/var/run/crio", "/run/crio"];

    public override RuleMetadata Metadata { get; } = Define(
        "K8S017", "container-runtime-socket-mounted", "Pod mounts the container runtime socket",
        Severity.Critical, Confidence.High,
        ["trivy:KSV-0006", "checkov:CKV_K8S_27", "kubesec:dockerSock"],
        "Reports hostPath volumes that point at a container runtime socket (Docker, containerd, CRI-O, Podman) or a directory holding one. Whoever can talk to the Docker, containerd or CRI-O socket can start a privileged container with the node's root file system mounted: mounting the socket (or a directory holding it) into a pod is root on the node.",
        "Do not mount the runtime socket. Build images with a daemonless builder (BuildKit rootless, kaniko, buildah) and query node state through the Kubernetes API.",
        "security", "cwe-250");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, pod) in document.Workloads())
        {
            foreach (var volume in pod.Volumes?.Items.OfType<YamlMapping>() ?? [])
            {
                if (volume.Mapping("hostPath")?.Scalar("path") is not { } path)
                {
                    continue;
                }

                var normalised = path.Value.Trim().TrimEnd('/');
                normalised = normalised.Length == 0 ? "/" : normalised;
                if (Array.IndexOf(Sockets, normalised) >= 0 || Array.IndexOf(Parents, normalised) >= 0)
                {
                    yield return Report(context, document, path, $"{resource.Display} mounts '{Clip(path.Value)}', which exposes the container runtime socket.", Key(resource, normalised));
                }
            }
        }
    }
}
