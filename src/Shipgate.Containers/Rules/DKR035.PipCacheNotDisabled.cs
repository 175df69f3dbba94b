using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class PipCacheNotDisabled : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR035", "pip-cache-not-disabled", "pip install keeps its download cache",
        Severity.Info, Confidence.High,
        ["hadolint:DL3042"],
        "pip caches downloaded wheels in ~/.cache/pip; in an image that cache only adds size.",
        "Use 'pip install --no-cache-dir …', set 'ENV PIP_NO_CACHE_DIR=1', or use a BuildKit cache mount on /root/.cache/pip.",
        tags: ["image-size"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        var envDisabled = false;
        foreach (var instruction in document.Effective)
        {
            if (instruction.Is("ENV") || instruction.Is("ARG"))
            {
                foreach (var pair in ArgumentWords.Pairs(instruction.Body, legacyForm: true))
                {
                    if (pair.Key == "PIP_NO_CACHE_DIR")
                    {
                        envDisabled = IsTruthy(pair.Value);
                    }
                }

                continue;
            }

            if (!instruction.Is("RUN") || envDisabled || PackageCommands.HasCacheMount(instruction, "/root/.cache") || PackageCommands.HasCacheMount(instruction, "~/.cache"))
            {
                continue;
            }

            foreach (var command in instruction.Script.Commands)
            {
                if (!PackageCommands.IsPip(command, out var arguments) || PackageCommands.Positionals(arguments, PackageCommands.PipOptionsWithValue).FirstOrDefault() != "install")
                {
                    continue;
                }

                var inline = command.Assignments.Where(a => a.Name == "PIP_NO_CACHE_DIR").Select(a => a.Value).LastOrDefault();
                if (!arguments.Any(a => a.Value == "--no-cache-dir") && !(inline is not null && IsTruthy(inline)))
                {
                    yield return Report(context, document, instruction, command, $"'{Clip(command.Text)}' keeps pip's download cache in the layer; add --no-cache-dir.");
                }
            }
        }
    }

    private static bool IsTruthy(string? value) =>
        value is not null && value.Trim('"', '\'').ToUpperInvariant() is "1" or "TRUE" or "YES" or "ON";
}
