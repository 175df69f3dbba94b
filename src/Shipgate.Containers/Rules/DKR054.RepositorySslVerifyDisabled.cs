using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class RepositorySslVerifyDisabled : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR054", "repository-ssl-verify-disabled", "yum or dnf configured with sslverify off",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_15"],
        "Setting 'sslverify=0' (through config-manager --setopt, or by writing it into a .repo or yum.conf file) makes yum and dnf accept any repository certificate.",
        "Remove the setting; add the repository CA to the trust store or set 'sslcacert=' for that repository.",
        tags: ["supply-chain", "tls", "cwe-295"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            var isManager = command.Is("yum-config-manager", "dnf-config-manager", "yum", "dnf", "tdnf", "microdnf");
            var hit = isManager && command.Args.Any(a => SetsSslVerifyOff(a.Replace("--setopt=", "", StringComparison.Ordinal)));
            hit |= command.Is("echo", "printf", "sed", "tee", "crudini") && command.Args.Any(SetsSslVerifyOff)
                && (command.Redirections.Any(r => IsRepoConfig(r.Target)) || command.Args.Any(IsRepoConfig) || command.PipesOut);
            if (hit)
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' turns off certificate verification for package repositories.");
            }
        }
    }

    private static bool SetsSslVerifyOff(string text)
    {
        var at = text.IndexOf("sslverify", StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var rest = text[(at + "sslverify".Length)..].TrimStart();
            if (rest.StartsWith('='))
            {
                var value = new string(rest[1..].TrimStart().Trim('"', '\'').TakeWhile(char.IsAsciiLetterOrDigit).ToArray());
                if (EnvironmentAssignments.IsFalsy(value))
                {
                    return true;
                }
            }

            at = text.IndexOf("sslverify", at + 1, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    private static bool IsRepoConfig(string path) =>
        path.Contains("yum", StringComparison.Ordinal) || path.Contains("dnf", StringComparison.Ordinal) || path.EndsWith(".repo", StringComparison.Ordinal);
}
