using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class NpmStrictSslDisabled : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR052", "npm-strict-ssl-disabled", "npm or yarn configured with strict-ssl false",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_13"],
        "'npm config set strict-ssl false' (or the yarn equivalent) makes the package manager accept any registry certificate, so packages can be replaced in transit.",
        "Remove the setting; configure the registry CA with 'npm config set cafile' or NODE_EXTRA_CA_CERTS.",
        tags: ["supply-chain", "tls", "cwe-295"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (!command.Is("npm", "yarn", "pnpm"))
            {
                continue;
            }

            var args = command.Positionals().Select(a => a.Value).ToList();
            if (args.Count < 3 || args[0] != "config" || args[1] != "set")
            {
                continue;
            }

            var key = args[2];
            string? value = null;
            var equals = key.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = key[(equals + 1)..];
                key = key[..equals];
            }
            else if (args.Count > 3)
            {
                value = args[3];
            }

            if (key.Trim('"', '\'').Equals("strict-ssl", StringComparison.OrdinalIgnoreCase) && EnvironmentAssignments.IsFalsy(value))
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' turns off certificate verification for {command.Name}.");
            }
        }
    }
}
