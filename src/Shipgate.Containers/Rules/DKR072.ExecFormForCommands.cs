using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class ExecFormForCommands : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR072", "exec-form-for-commands", "CMD or ENTRYPOINT uses the shell form",
        Severity.Low, Confidence.High,
        ["hadolint:DL3025"],
        "In the shell form the process runs under '/bin/sh -c', so it is not PID 1: it does not receive SIGTERM on 'docker stop' and is killed after the timeout, losing in-flight work.",
        "Use the JSON (exec) form: 'CMD [\"node\", \"server.js\"]'.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var instruction in document.Effective)
        {
            if ((instruction.Is("CMD") || instruction.Is("ENTRYPOINT")) && !instruction.IsExecForm && instruction.Body.Length > 0)
            {
                yield return Report(context, document, instruction, $"{instruction.Keyword} '{Clip(instruction.Body, 60)}' uses the shell form; use the JSON array form.");
            }
            else if (instruction.Is("HEALTHCHECK") && !instruction.IsExecForm)
            {
                var words = ArgumentWords.Split(instruction.Body);
                var cmd = words.FindIndex(w => w.Value.Equals("CMD", StringComparison.OrdinalIgnoreCase));
                if (cmd >= 0 && cmd + 1 < words.Count)
                {
                    yield return Report(context, document, instruction, $"HEALTHCHECK CMD '{Clip(instruction.Body[words[cmd + 1].Index..], 60)}' uses the shell form; use the JSON array form.");
                }
            }
        }
    }
}
