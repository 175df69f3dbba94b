using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

/// <summary>
/// The shape shared by rules about one environment variable that switches a safety check off: ENV, ARG, and
/// assignments inside RUN (<c>NAME=v cmd</c>, <c>export NAME=v</c>) are all checked. Stateless.
/// </summary>
internal abstract class EnvironmentToggleRule : DockerfileRule
{
    /// <summary>The variable, compared case-insensitively.</summary>
    protected abstract string Variable { get; }

    /// <summary>Whether this value switches the check off.</summary>
    protected abstract bool IsUnsafe(string value);

    /// <summary>What the unsafe value does, for the message ("disables TLS certificate checks for git").</summary>
    protected abstract string Effect { get; }

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var instruction in document.Effective)
        {
            if (instruction.Is("ENV") || instruction.Is("ARG"))
            {
                foreach (var pair in ArgumentWords.Pairs(instruction.Body, legacyForm: true, document.EscapeChar))
                {
                    if (pair.Key.Equals(Variable, StringComparison.OrdinalIgnoreCase) && pair.Value is { } value && IsUnsafe(value.Trim()))
                    {
                        yield return Report(context, document, instruction, $"{instruction.Keyword} sets {pair.Key}={value}, which {Effect}.", pair.Key + "=" + value);
                    }
                }
            }
            else if (instruction.Is("RUN"))
            {
                var value = EnvironmentAssignments.InRunText(instruction, Variable).FirstOrDefault(v => IsUnsafe(v.Trim().Trim('"', '\'')));
                if (value is not null)
                {
                    yield return Report(context, document, instruction, $"RUN sets {Variable}={value.Trim('"', '\'')}, which {Effect}.", Variable + "=" + value);
                }
            }
        }
    }
}
