using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

/// <summary>Flags a stage that has an instruction more than once where only the last one counts (CMD, ENTRYPOINT, HEALTHCHECK). Stateless.</summary>
internal abstract class SingletonInstructionRule : DockerfileRule
{
    protected abstract string Keyword { get; }

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var stage in document.Stages)
        {
            var all = stage.Instructions.Where(i => i.Is(Keyword)).ToList();
            foreach (var extra in all.Skip(1))
            {
                yield return Report(context, document, extra, $"Stage {stage.Index + 1} has {all.Count} {Keyword} instructions; only the last one takes effect.", Keyword + " " + extra.Body);
            }
        }
    }
}
