using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class EnvSelfReference : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR076", "env-self-reference", "ENV refers to a variable set in the same instruction",
        Severity.Medium, Confidence.High,
        ["hadolint:DL3044"],
        "Variables defined in an ENV instruction are not visible to the other values of that same instruction; the reference expands to the old (often empty) value.",
        "Split the ENV into two instructions, or repeat the literal value.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var env in document.EffectiveOfKind("ENV"))
        {
            var defined = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pair in ArgumentWords.Pairs(env.Body, legacyForm: true, document.EscapeChar))
            {
                var referenced = defined.FirstOrDefault(name => References(pair.RawValue, name));
                if (referenced is not null)
                {
                    yield return Report(context, document, env, $"ENV sets '{pair.Key}' from '{referenced}', which is defined in the same ENV and is not visible yet.", pair.Key + "=" + referenced);
                    break;
                }

                defined.Add(pair.Key);
            }
        }
    }

    private static bool References(string value, string name)
    {
        var at = value.IndexOf('$', StringComparison.Ordinal);
        while (at >= 0)
        {
            var rest = value.AsSpan(at + 1);
            var braced = rest.StartsWith("{");
            if (braced)
            {
                rest = rest[1..];
            }

            if (rest.StartsWith(name, StringComparison.Ordinal))
            {
                var after = rest.Length > name.Length ? rest[name.Length] : '\0';
                if (braced ? after is '}' or ':' or '-' or '+' : !(char.IsAsciiLetterOrDigit(after) || after == '_'))
                {
                    return true;
                }
            }

            at = value.IndexOf('$', at + 1);
        }

        return false;
    }
}
