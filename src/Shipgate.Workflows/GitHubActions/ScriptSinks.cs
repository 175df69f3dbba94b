using Shipgate.Yaml;

namespace Shipgate.Workflows.GitHubActions;

/// <summary>
/// Where a step's text becomes code: <c>run:</c>, and inputs of well-known actions that evaluate their
/// input as a script (a curated list of popular script-running actions). Stateless.
/// </summary>
public static class ScriptSinks
{
    private static readonly (string Action, string Input)[] ActionSinks =
    [
        ("actions/github-script", "script"),
        ("azure/cli", "inlinescript"),
        ("azure/powershell", "inlinescript"),
        ("mikefarah/yq", "cmd"),
        ("amadevus/pwsh-script", "script"),
        ("jannekem/run-python-script-action", "script"),
        ("cardinalby/js-eval-action", "expression"),
        ("addnab/docker-run-action", "run"),
        ("appleboy/ssh-action", "script"),
        ("garygrossgarten/github-action-ssh", "command"),
        ("nick-fields/retry", "command"),
        ("nick-invision/retry", "command"),
        ("sergeysova/jq-action", "cmd"),
        ("devorbitus/yq-action-output", "cmd"),
        ("dawidd6/action-send-mail", "html_body"),
        ("tibdex/backport", "title_template"),
        ("tibdex/backport", "body_template"),
        ("cloudposse/github-action-yaml-config-query", "query"),
    ];

    /// <summary>Each script of the step with the scalar holding it and the key/value pair (run: or with.input).</summary>
    public static IEnumerable<(YamlScalar Script, YamlEntry Entry)> ScriptsOf(JobStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Node.Entry("run") is { Value: YamlScalar run } runEntry)
        {
            yield return (run, runEntry);
            yield break;
        }

        if (step.Uses is not { Kind: UsesKind.Repository } uses || step.With is not { } with)
        {
            yield break;
        }

        foreach (var (action, input) in ActionSinks)
        {
            if (!string.Equals(uses.Target, action, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var entry in with.Entries)
            {
                if (string.Equals(entry.Key.Value, input, StringComparison.OrdinalIgnoreCase) && entry.Value is YamlScalar script)
                {
                    yield return (script, entry);
                }
            }
        }
    }
}
