using Shipgate.Core;
using Shipgate.Workflows.Shell;
using Shipgate.Workflows.Yaml;
using Shipgate.Yaml;

namespace Shipgate.Workflows.GitLab;

/// <summary>An image reference in a pipeline: where it is written, its name, and what uses it.</summary>
public sealed record GitLabImage(SourceText Source, YamlNode Node, YamlScalar Name, string Owner, bool IsService);

/// <summary>A variable definition: the file, the key/value pair and its literal value.</summary>
public sealed record GitLabVariable(SourceText Source, YamlEntry Entry, string Value, string Owner);

/// <summary>One shell command of a job's scripts, with the scalar it comes from.</summary>
public sealed record GitLabCommand(GitLabJob Job, YamlScalar Line, ShellCommand Command);

/// <summary>Walks a GitLab pipeline: images, variables, script commands, with their source files.</summary>
public static class GitLabSupport
{
    public static IEnumerable<GitLabImage> Images(GitLabPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        foreach (var (source, root) in pipeline.Files)
        {
            foreach (var image in ImagesIn(source, root, "the pipeline"))
            {
                yield return image;
            }

            if (root["default"] is YamlMapping defaults)
            {
                foreach (var image in ImagesIn(source, defaults, "default"))
                {
                    yield return image;
                }
            }
        }

        foreach (var job in pipeline.Jobs)
        {
            foreach (var image in ImagesIn(job.Source, job.Node, "job '" + job.Name + "'"))
            {
                yield return image;
            }
        }
    }

    private static IEnumerable<GitLabImage> ImagesIn(SourceText source, YamlMapping owner, string ownerName)
    {
        switch (owner["image"])
        {
            case YamlScalar scalar when !scalar.IsNull:
                yield return new GitLabImage(source, scalar, scalar, ownerName, false);
                break;
            case YamlMapping map when map["name"] is YamlScalar name:
                yield return new GitLabImage(source, map, name, ownerName, false);
                break;
        }

        if (owner["services"] is YamlSequence services)
        {
            foreach (var item in services.Items)
            {
                switch (item)
                {
                    case YamlScalar scalar when !scalar.IsNull:
                        yield return new GitLabImage(source, scalar, scalar, ownerName, true);
                        break;
                    case YamlMapping map when map["name"] is YamlScalar name:
                        yield return new GitLabImage(source, map, name, ownerName, true);
                        break;
                }
            }
        }
    }

    public static IEnumerable<GitLabVariable> Variables(GitLabPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        foreach (var (source, root) in pipeline.Files)
        {
            foreach (var variable in VariablesIn(source, root["variables"] as YamlMapping, "the pipeline"))
            {
                yield return variable;
            }
        }

        foreach (var job in pipeline.Jobs)
        {
            foreach (var variable in VariablesIn(job.Source, job.Variables, "job '" + job.Name + "'"))
            {
                yield return variable;
            }
        }
    }

    private static IEnumerable<GitLabVariable> VariablesIn(SourceText source, YamlMapping? variables, string owner)
    {
        foreach (var entry in variables?.Entries ?? [])
        {
            var value = entry.Value switch
            {
                YamlScalar s when !s.IsNull => s.Value,
                YamlMapping m => m.ScalarValue("value"),
                _ => null,
            };
            if (value is not null)
            {
                yield return new GitLabVariable(source, entry, value, owner);
            }
        }
    }

    public static IEnumerable<GitLabCommand> Commands(GitLabPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        foreach (var job in pipeline.Jobs)
        {
            foreach (var line in job.ScriptLines())
            {
                foreach (var command in ShellScript.Commands(line.Value))
                {
                    yield return new GitLabCommand(job, line, command);
                }
            }
        }
    }

    /// <summary>A location at a command inside a script line, in the file the job comes from.</summary>
    public static Location At(GitLabCommand command) =>
        command.Job.Source.Of(command.Line, command.Command.Offset, Math.Max(1, command.Command.Words[0].Text.Length));

    public static string Text(ShellCommand command) => string.Join(' ', command.Words.Select(w => w.Text));

    /// <summary>Names that usually hold credentials.</summary>
    public static bool IsSecretName(string name)
    {
        var upper = name.ToUpperInvariant();
        return upper.Contains("TOKEN", StringComparison.Ordinal) || upper.Contains("PASSWORD", StringComparison.Ordinal) || upper.Contains("PASSWD", StringComparison.Ordinal)
            || upper.Contains("SECRET", StringComparison.Ordinal) || upper.Contains("API_KEY", StringComparison.Ordinal) || upper.Contains("APIKEY", StringComparison.Ordinal)
            || upper.Contains("PRIVATE_KEY", StringComparison.Ordinal) || upper.Contains("ACCESS_KEY", StringComparison.Ordinal) || upper.Contains("CREDENTIAL", StringComparison.Ordinal);
    }

    /// <summary>Job names or stages that look like deployments.</summary>
    public static bool LooksLikeDeploy(GitLabJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var words = (job.Name + " " + job.Node.ScalarValue("stage")).ToLowerInvariant().Split([' ', '-', '_', ':', '/'], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => w is "deploy" or "deployment" or "release" or "production" or "prod" or "publish" or "rollout");
    }

    /// <summary>A hit at a node of a given file.</summary>
    public static AuditHit At(this AuditScope scope, IRule rule, SourceText source, YamlNode node, string message, string material, Severity? severity = null, Confidence? confidence = null, Persona persona = Persona.Regular) =>
        new AuditScope(scope.Context, source).Hit(rule, source.Of(node), message, material, node, severity, confidence, persona);

    /// <summary>A hit at a key/value pair of a given file.</summary>
    public static AuditHit At(this AuditScope scope, IRule rule, SourceText source, YamlEntry entry, string message, string material, Severity? severity = null, Confidence? confidence = null) =>
        new AuditScope(scope.Context, source).AtEntry(rule, entry, message, material, severity, confidence);
}
