using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class WorkdirSystemDirectory : DockerfileRule
{
    private static readonly string[] SystemDirectories = ["/proc", "/sys", "/dev", "/boot", "/etc", "/bin", "/sbin", "/lib", "/lib64", "/usr/bin", "/usr/sbin", "/usr/lib", "/run", "/var/run"];

    public override RuleMetadata Metadata { get; } = Define(
        "DKR057", "workdir-system-directory", "WORKDIR points into a system directory",
        Severity.High, Confidence.High,
        ["trivy:DS-0030"],
        "A working directory in /proc, /sys, /dev, /boot or another system directory means later COPY and RUN steps write into kernel interfaces or system paths, which can break the image or weaken the container's isolation.",
        "Use an application directory such as /app or /srv/<name>.",
        tags: ["hardening"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var workdir in document.EffectiveOfKind("WORKDIR"))
        {
            var path = workdir.Body.Trim().Trim('"', '\'').TrimEnd('/');
            if (SystemDirectories.Any(d => path.Equals(d, StringComparison.Ordinal) || path.StartsWith(d + "/", StringComparison.Ordinal)))
            {
                yield return Report(context, document, workdir, $"WORKDIR '{path}' is inside the system directory '{SystemDirectories.First(d => path.Equals(d, StringComparison.Ordinal) || path.StartsWith(d + "/", StringComparison.Ordinal))}'.", path);
            }
        }
    }
}
