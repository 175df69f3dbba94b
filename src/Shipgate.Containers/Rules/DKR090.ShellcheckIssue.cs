using System.Globalization;
using Shipgate.Containers.Dockerfiles;
using Shipgate.Containers.Shell;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

/// <summary>
/// Maps ShellCheck's comments on RUN bodies to findings, when <c>shellcheck</c> is on PATH (as hadolint does).
/// Without ShellCheck it reports nothing. Experimental: opt in with <c>--include-experimental</c>.
/// </summary>
internal sealed class ShellcheckIssue : DockerfileRule
{
    private readonly ShellcheckRunner? runner;

    public ShellcheckIssue()
        : this(ShellcheckRunner.Default)
    {
    }

    internal ShellcheckIssue(ShellcheckRunner? runner)
    {
        this.runner = runner;
    }

    public override RuleMetadata Metadata { get; } = Define(
        "DKR090", "shellcheck-issue", "ShellCheck reports a problem in a RUN command",
        Severity.Low, Confidence.Medium,
        ["hadolint:SCxxxx"],
        "ShellCheck, run over the shell-form RUN commands of the Dockerfile, reports a bug or a fragile construct (unquoted expansions, useless cat, wrong test syntax, commands that fail silently). Each finding names the SC code and links to the ShellCheck wiki. The rule runs only when the shellcheck executable is on PATH.",
        "Fix the command as the ShellCheck wiki page for the code explains, or suppress that one finding when the construct is intended.",
        RuleStatus.Experimental,
        "correctness");

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        if (runner is null)
        {
            yield break;
        }

        foreach (var script in RunScript.From(document))
        {
            foreach (var comment in runner.Check(script.Text, script.Shell))
            {
                if (script.Origin(comment.Line) is not var (run, lineStart))
                {
                    continue;
                }

                var index = lineStart + Math.Max(0, comment.Column - 1);
                var length = comment.EndLine == comment.Line ? Math.Max(1, comment.EndColumn - comment.Column) : 1;
                var code = "SC" + comment.Code.ToString(CultureInfo.InvariantCulture);
                var message = comment.Message.TrimEnd('.') + $" ({code}: https://www.shellcheck.net/wiki/{code}).";
                yield return context.Report(
                    this,
                    document.LocationOf(run, index, length),
                    message,
                    code + " " + run.Arguments.Trim(),
                    properties: new Dictionary<string, string>(StringComparer.Ordinal) { ["shellcheck"] = code },
                    severity: comment.Level switch
                    {
                        "error" => Severity.Medium,
                        "warning" => Severity.Low,
                        _ => Severity.Info,
                    });
            }
        }
    }
}
