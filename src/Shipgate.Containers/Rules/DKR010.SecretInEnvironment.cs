using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class SecretInEnvironment : DockerfileRule
{
    private static readonly HashSet<string> SensitiveWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "passphrase", "pass", "psw", "pwd", "secret", "secrets", "token", "apikey", "credential", "credentials", "privatekey", "accesskey", "secretkey",
    };

    private static readonly HashSet<string> KeyQualifiers = new(StringComparer.Ordinal) { "api", "access", "private", "secret", "auth", "signing", "encryption", "master", "license" };

    private static readonly HashSet<string> Harmless = new(StringComparer.Ordinal)
    {
        "file", "path", "dir", "url", "uri", "endpoint", "host", "length", "ttl", "expiry", "expires", "public", "type", "name", "header", "location", "policy", "store",
    };

    public override RuleMetadata Metadata { get; } = Define(
        "DKR010", "secret-in-environment", "Secret passed through ARG or ENV",
        Severity.High, Confidence.Medium,
        ["hadolint:DL3064"],
        "A variable whose name says it holds a credential (password, token, API key, secret) is declared with ARG or ENV. ENV values are stored in the image config, and ARG values in the build history of every layer that uses them, so anyone who can pull the image can read them.",
        "Pass secrets with BuildKit secret mounts ('RUN --mount=type=secret,id=token …') and supply runtime secrets from the orchestrator, never through ARG or ENV.",
        tags: ["secrets", "cwe-538"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var assignment in EnvironmentAssignments.All(document))
        {
            if (assignment.Command is null && IsSensitiveName(assignment.Name))
            {
                var kind = assignment.Instruction.Keyword;
                yield return Report(context, document, assignment.Instruction,
                    $"{kind} declares '{assignment.Name}', which looks like a secret; {kind} values end up in the image metadata or build history.", assignment.Name);
            }
        }
    }

    internal static bool IsSensitiveName(string name)
    {
        var words = Words(name);
        if (words.Count == 0 || words.Any(Harmless.Contains))
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (SensitiveWords.Contains(words[i]))
            {
                return true;
            }

            if (words[i] == "key" && i > 0 && KeyQualifiers.Contains(words[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = c is '_' or '-' or '.' || (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]));
            if (boundary && current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
