using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class PrivateKeyCopied : DockerfileRule
{
    private static readonly string[] SensitiveNames = ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".npmrc", ".pypirc", ".netrc", ".git-credentials", ".env", "credentials.json", "service-account.json", ".htpasswd", "secrets.yaml", "secrets.yml", "secrets.json", "kubeconfig"];
    private static readonly string[] SensitiveExtensions = [".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".ppk", ".asc", ".gpg"];

    public override RuleMetadata Metadata { get; } = Define(
        "DKR013", "private-key-copied", "Key or credential file copied into the image",
        Severity.High, Confidence.Medium,
        ["concept:COPY-SECRET-FILE"],
        "COPY or ADD puts a file that by its name holds a private key or credentials (id_rsa, *.pem, *.key, .npmrc, .netrc, .env, credentials.json) into a layer. Deleting it in a later step does not remove it from the image.",
        "Use 'RUN --mount=type=secret' or 'RUN --mount=type=ssh' for build-time credentials, provide runtime secrets from the orchestrator, and list such files in .dockerignore.",
        tags: ["secrets", "cwe-538"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var instruction in document.Effective.Where(i => i.Is("COPY") || i.Is("ADD")))
        {
            if (CopySpec.Of(instruction) is not { } spec || spec.From is not null)
            {
                continue;
            }

            foreach (var source in spec.Sources.Where(s => !CopySpec.IsUrl(s)))
            {
                var name = source.Trim('"', '\'');
                var slash = name.LastIndexOf('/');
                var file = slash >= 0 ? name[(slash + 1)..] : name;
                if (SensitiveNames.Any(n => file.Equals(n, StringComparison.OrdinalIgnoreCase)) || SensitiveExtensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".pub", StringComparison.OrdinalIgnoreCase)))
                {
                    yield return Report(context, document, instruction, $"{instruction.Keyword} puts '{name}', which looks like a key or credential file, into the image.", name);
                }
            }
        }
    }
}
