using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class CurlAndWget : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR086", "curl-and-wget", "Stage uses both curl and wget",
        Severity.Low, Confidence.High,
        ["hadolint:DL4001", "trivy:DS-0014"],
        "Using both curl and wget means two download tools (and their dependencies) in the image where one would do.",
        "Pick one of them for the whole stage.",
        tags: ["image-size"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var group in document.RunCommands().GroupBy(p => p.Run.StageIndex))
        {
            var curl = group.FirstOrDefault(p => p.Command.Is("curl"));
            var wget = group.FirstOrDefault(p => p.Command.Is("wget"));
            if (curl.Command is not null && wget.Command is not null)
            {
                var later = curl.Run.Offset > wget.Run.Offset || (curl.Run == wget.Run && curl.Command.SourceOffset > wget.Command.SourceOffset) ? curl : wget;
                yield return Report(context, document, later.Run, later.Command, $"This stage uses both curl and wget; '{later.Command.Name}' here could use the other tool.", "curl+wget");
            }
        }
    }
}
