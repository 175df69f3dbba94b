using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class CredentialSetupInRun : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR012", "credential-setup-in-run", "RUN writes cloud credentials into the image",
        Severity.High, Confidence.Medium,
        ["concept:DS-0031-RUN"],
        "A RUN step logs in to a cloud CLI or stores a key ('aws configure set aws_secret_access_key', 'gcloud auth activate-service-account', 'az login -p', 'doctl auth init -t'). The credential is written to a config file in the layer and shows in the build history.",
        "Use 'RUN --mount=type=secret,…' so the credential exists only during that step, and authenticate at run time with workload identity instead of baked-in keys.",
        tags: ["secrets", "cwe-538"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if ((run.Flag("mount") ?? "").Contains("type=secret", StringComparison.Ordinal) || run.Flags.Any(f => (f.Value ?? "").Contains("type=secret", StringComparison.Ordinal)))
            {
                continue;
            }

            var what = Describe(command);
            if (what is not null)
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' {what}.");
            }
        }
    }

    private static string? Describe(ShellCommand command)
    {
        var args = command.Args.ToList();
        if (command.Is("aws") && args.Count >= 3 && args[0] == "configure" && args[1] == "set"
            && args[2].Contains("aws_secret_access_key", StringComparison.OrdinalIgnoreCase) || (command.Is("aws") && args.Count >= 3 && args[2].Contains("aws_session_token", StringComparison.OrdinalIgnoreCase)))
        {
            return "stores an AWS secret key in the image";
        }

        if (command.Is("gcloud") && args.Count >= 2 && args[0] == "auth" && args[1] == "activate-service-account")
        {
            return "activates a Google service account key inside the image";
        }

        if (command.Is("az") && args.Count >= 1 && args[0] == "login" && command.HasOption("-p", "--password"))
        {
            return "logs in to Azure with a password inside the image";
        }

        if (command.Is("doctl") && args.Count >= 2 && args[0] == "auth" && args[1] == "init" && command.HasOption("-t", "--access-token"))
        {
            return "stores a DigitalOcean token in the image";
        }

        if (command.Is("docker", "podman", "helm") && args.Contains("login") && command.HasOption("-p", "--password"))
        {
            return "logs in to a registry with a password on the command line";
        }

        return null;
    }
}
