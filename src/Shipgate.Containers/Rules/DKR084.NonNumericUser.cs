using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class NonNumericUser : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR084", "non-numeric-user", "USER names a user instead of a numeric UID",
        Severity.Info, Confidence.Medium,
        ["hadolint:DL3066"],
        "Kubernetes 'runAsNonRoot' and other host-side policies can only verify a numeric UID; a user name may not resolve outside the image, so the platform cannot prove the container is not root.",
        "Use the numeric UID (and GID): 'USER 10001:10001'.",
        tags: ["hardening"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        var args = document.GlobalArgs.Concat(document.Instructions.Where(i => i.Is("ARG")))
            .SelectMany(i => ArgumentWords.Pairs(i.Body, legacyForm: false)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var user in document.EffectiveOfKind("USER"))
        {
            var value = user.Body.Trim().Trim('"', '\'');
            if (value.Length == 0 || value.StartsWith('$') || LastUserRoot.IsRoot(value))
            {
                continue;
            }

            var parts = value.Split(':');
            if (parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) || args.Contains(value))
            {
                continue;
            }

            yield return Report(context, document, user, $"USER '{value}' is not a numeric UID, so host-side non-root checks cannot verify it.", value);
        }
    }
}
