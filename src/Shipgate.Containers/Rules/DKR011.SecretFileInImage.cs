using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class SecretFileInImage : DockerfileRule
{
    private static readonly HashSet<string> CredentialFileVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "GOOGLE_APPLICATION_CREDENTIALS", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "HF_TOKEN_PATH",
        "AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_FEDERATED_TOKEN_FILE", "KUBECONFIG", "DOCKER_CONFIG", "NPM_CONFIG_USERCONFIG", "PIP_CONFIG_FILE",
    };

    public override RuleMetadata Metadata { get; } = Define(
        "DKR011", "secret-file-in-image", "Credential file is copied into the image",
        Severity.High, Confidence.Medium,
        ["concept:DS-0031-FILE"],
        "A credential-file variable (GOOGLE_APPLICATION_CREDENTIALS, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, HF_TOKEN_PATH, …) points into files copied from the build context, or a COPY writes straight to such a path. The key file then ships inside a layer that anyone with pull access can extract.",
        "Mount credential files at run time (a volume or orchestrator secret) or during the build with 'RUN --mount=type=secret'; keep them out of the build context with .dockerignore.",
        tags: ["secrets", "cwe-538"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        var copies = document.Effective.Where(i => i.Is("COPY") || i.Is("ADD")).Select(i => (Instruction: i, Spec: CopySpec.Of(i))).Where(c => c.Spec is not null).ToList();
        foreach (var (instruction, spec) in copies)
        {
            var variable = CredentialFileVariables.FirstOrDefault(v => spec!.Destination.Contains("$" + v, StringComparison.OrdinalIgnoreCase) || spec.Destination.Contains("${" + v, StringComparison.OrdinalIgnoreCase));
            if (variable is not null)
            {
                yield return Report(context, document, instruction, $"{instruction.Keyword} writes a file to '{spec!.Destination}', the credential file named by {variable}.", variable);
            }
        }

        foreach (var assignment in EnvironmentAssignments.All(document))
        {
            if (assignment.Command is not null || !CredentialFileVariables.Contains(assignment.Name) || assignment.Value is not { Length: > 0 } value)
            {
                continue;
            }

            var path = Normalise(value);
            if (value.Trim('"', '\'').StartsWith('/') || path.Length == 0)
            {
                continue;
            }

            var covered = copies.Any(c => c.Spec!.From is null && c.Instruction.Offset < assignment.Instruction.Offset + 1 && Covers(Normalise(c.Spec.Destination), path))
                || copies.Any(c => c.Spec!.From is null && Covers(Normalise(c.Spec.Destination), path));
            if (covered)
            {
                yield return Report(context, document, assignment.Instruction, $"{assignment.Name} points to '{value.Trim('"', '\'')}', a file copied from the build context into the image.", assignment.Name);
            }
        }
    }

    private static string Normalise(string path)
    {
        var p = path.Trim().Trim('"', '\'');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p.TrimStart('/');
    }

    private static bool Covers(string destination, string path) =>
        destination is "" or "." || path.StartsWith(destination.TrimEnd('/') + "/", StringComparison.Ordinal) || path == destination;
}
