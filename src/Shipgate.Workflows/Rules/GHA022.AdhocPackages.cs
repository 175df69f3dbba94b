using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA022: packages installed by name in a script, outside any lockfile.</summary>
public sealed class AdhocPackages : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA022", "adhoc-packages", "Package installed outside a lockfile", Category.Workflows, Severity.Low, Confidence.High)
    {
        Equivalents = ["zizmor:adhoc-packages"],
        Description = "gem install NAME or npm install NAME in a workflow resolves the newest matching version from the registry at run time, with no hash check, so a compromised or typosquatted release runs in CI unnoticed.",
        Remediation = "Declare the tool in the project's Gemfile/package.json with a lockfile and install with bundle install or npm ci, or use a pinned setup action.",
        Tags = ["security", "supply-chain"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var (step, script, command) in RunCommands.Of(document))
        {
            var words = RunCommands.Unwrapped(command);
            if (words.Count < 3)
            {
                continue;
            }

            var tool = words[0];
            var verb = words[1];
            var adhoc = (tool == "gem" && verb is "install" or "i") || (tool == "npm" && verb is "install" or "i" or "add");
            if (!adhoc || !words.Skip(2).Any(w => !w.StartsWith('-') && !IsFlagValue(words, w)))
            {
                continue;
            }

            var text = string.Join(' ', command.Words.Select(w => w.Text));
            yield return scope.Hit(
                this,
                scope.Source.Of(script, command.Offset, command.Words[0].Text.Length),
                $"Step '{step.DisplayName}' installs packages ad hoc with '{text}', outside any lockfile.",
                text,
                feature: step.Node);
        }
    }

    private static bool IsFlagValue(IReadOnlyList<string> words, string word)
    {
        var index = -1;
        for (var i = 2; i < words.Count; i++)
        {
            if (ReferenceEquals(words[i], word))
            {
                index = i;
                break;
            }
        }

        return index > 2 && words[index - 1] is "-v" or "--version" or "--prefix" or "--registry" or "-C" or "--install-dir";
    }
}
