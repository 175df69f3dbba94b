using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

/// <summary>
/// The shape shared by rules that flag a command run with a dangerous option (<c>curl -k</c>,
/// <c>apk --allow-untrusted</c>): a set of command names and a set of options. Short options also match inside
/// clusters (<c>-Lkv</c>). Stateless.
/// </summary>
internal abstract class CommandOptionRule : DockerfileRule
{
    protected abstract string[] Commands { get; }

    protected abstract string[] Options { get; }

    /// <summary>What the option does, for the message ("skips TLS certificate verification").</summary>
    protected abstract string Effect { get; }

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (!command.Is(Commands))
            {
                continue;
            }

            var option = Options.FirstOrDefault(o => command.HasOption(o));
            if (option is not null)
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' uses {option}, which {Effect}.", command.Name + " " + option);
            }
        }
    }
}
