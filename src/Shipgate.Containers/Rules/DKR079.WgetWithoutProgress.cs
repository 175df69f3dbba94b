using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class WgetWithoutProgress : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR079", "wget-without-progress", "wget without a progress or quiet option",
        Severity.Info, Confidence.High,
        ["hadolint:DL3047"],
        "wget's default progress bar writes thousands of lines to the build log for a large download, which slows CI and buries real errors.",
        "Add '--progress=dot:giga', or -q / -nv.",
        tags: ["maintainability"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is("wget") && command.Arguments.Count > 0
                && !command.HasOption("--progress", "-q", "--quiet", "-nv", "--no-verbose", "-o", "--output-file", "-a", "--append-output"))
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' prints a progress bar into the build log; add --progress=dot:giga or -q.");
            }
        }
    }
}
