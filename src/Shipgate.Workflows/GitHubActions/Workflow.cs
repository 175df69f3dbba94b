using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Workflows.GitHubActions;

/// <summary>One trigger under <c>on:</c>: its event name, its key (or sequence item) and its configuration.</summary>
public sealed record Trigger(string Event, YamlScalar NameNode, YamlNode? Config);

/// <summary>A parsed GitHub Actions workflow: triggers, permissions, env, jobs. Immutable.</summary>
public sealed class Workflow
{
    internal Workflow(YamlMapping root)
    {
        Root = root;
        OnEntry = root.Entry("on") ?? root.Entry("true") ?? root.Entry("True");
        Triggers = ParseTriggers(OnEntry);
        Permissions = Permissions.From(root);
        var jobs = new List<Job>();
        if (root["jobs"] is YamlMapping jobsMap)
        {
            foreach (var entry in jobsMap.Entries)
            {
                jobs.Add(new Job(this, entry));
            }
        }
        else if (root["jobs"] is { } other && !(other is YamlScalar s && s.IsNull))
        {
            throw new InputFormatException("'jobs' must be a mapping", other.Start.Line, other.Start.Column);
        }

        Jobs = jobs;
    }

    public YamlMapping Root { get; }

    public string? Name => Root.ScalarValue("name");

    public YamlEntry? OnEntry { get; }

    public IReadOnlyList<Trigger> Triggers { get; }

    public Permissions Permissions { get; }

    public YamlMapping? Env => Root["env"] as YamlMapping;

    public IReadOnlyList<Job> Jobs { get; }

    public string? DefaultShell => ((Root["defaults"] as YamlMapping)?["run"] as YamlMapping)?.ScalarValue("shell");

    public bool HasTrigger(string name) => Triggers.Any(t => t.Event == name);

    public Trigger? TriggerNamed(string name) => Triggers.FirstOrDefault(t => t.Event == name);

    /// <summary>Every step of every job.</summary>
    public IEnumerable<JobStep> Steps => Jobs.SelectMany(j => j.Steps);

    private static List<Trigger> ParseTriggers(YamlEntry? entry)
    {
        var triggers = new List<Trigger>();
        switch (entry?.Value)
        {
            case YamlScalar scalar when !scalar.IsNull:
                triggers.Add(new Trigger(scalar.Value, scalar, null));
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items.OfType<YamlScalar>())
                {
                    triggers.Add(new Trigger(item.Value, item, null));
                }

                break;
            case YamlMapping mapping:
                foreach (var e in mapping.Entries)
                {
                    triggers.Add(new Trigger(e.Key.Value, e.Key, e.Value is YamlScalar s && s.IsNull ? null : e.Value));
                }

                break;
        }

        return triggers;
    }
}
