using Shipgate.Core;
using Shipgate.Workflows.Yaml;
using Shipgate.Yaml;

namespace Shipgate.Workflows.GitLab;

/// <summary>A job of a GitLab pipeline: its key, its mapping, and the file it was read from. Immutable.</summary>
public sealed class GitLabJob
{
    internal GitLabJob(YamlEntry entry, YamlMapping node, SourceText source)
    {
        KeyEntry = entry;
        Node = node;
        Source = source;
    }

    public YamlEntry KeyEntry { get; }

    public string Name => KeyEntry.Key.Value;

    public YamlMapping Node { get; }

    /// <summary>The file the job is defined in (the pipeline file or a local include).</summary>
    public SourceText Source { get; }

    public bool IsHidden => Name.StartsWith('.');

    public YamlMapping? Variables => Node["variables"] as YamlMapping;

    public YamlNode? Environment => Node["environment"];

    public YamlNode? Rules => Node["rules"];

    /// <summary>Scalars of <c>before_script</c>, <c>script</c> and <c>after_script</c>, flattened.</summary>
    public IEnumerable<YamlScalar> ScriptLines()
    {
        foreach (var key in new[] { "before_script", "script", "after_script" })
        {
            foreach (var scalar in Flatten(Node[key]))
            {
                yield return scalar;
            }
        }
    }

    internal static IEnumerable<YamlScalar> Flatten(YamlNode? node)
    {
        switch (node)
        {
            case YamlScalar s when !s.IsNull:
                yield return s;
                break;
            case YamlSequence seq:
                foreach (var item in seq.Items)
                {
                    foreach (var inner in Flatten(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}

/// <summary>
/// A parsed <c>.gitlab-ci.yml</c> with its local <c>include:</c> files merged in (jobs keep the file they
/// came from). Built once per file by the workflows scanner. Immutable.
/// </summary>
public sealed class GitLabPipeline : IYamlDocument
{
    /// <summary>Keywords that are not job names at the top level.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script",
        "after_script", "types", "pages:deploy", "spec",
    };

    private const int MaxIncludes = 32;

    private GitLabPipeline(SourceText source, YamlMapping root, List<GitLabJob> jobs, List<(SourceText Source, YamlMapping Root)> files)
    {
        Source = source;
        Root = root;
        Jobs = jobs;
        Files = files;
    }

    public SourceText Source { get; }

    public YamlMapping Root { get; }

    public IReadOnlyList<GitLabJob> Jobs { get; }

    /// <summary>The pipeline file and every local include that was read, with their roots.</summary>
    public IReadOnlyList<(SourceText Source, YamlMapping Root)> Files { get; }

    public YamlMapping? Variables => Root["variables"] as YamlMapping;

    public static GitLabPipeline Parse(string displayPath, string text, string? fullPath)
    {
        var root = YamlLoader.Load(text) as YamlMapping
            ?? throw new InputFormatException("a GitLab CI configuration must be a YAML mapping at the top level", 1, 1);
        var source = new SourceText(displayPath, text);
        var files = new List<(SourceText, YamlMapping)> { (source, root) };
        var jobs = new List<GitLabJob>();
        AddJobs(root, source, jobs);
        if (fullPath is not null)
        {
            foreach (var (includeSource, includeRoot) in LocalIncludes(root, displayPath, fullPath))
            {
                files.Add((includeSource, includeRoot));
                AddJobs(includeRoot, includeSource, jobs);
            }
        }

        return new GitLabPipeline(source, root, jobs, files);
    }

    private static void AddJobs(YamlMapping root, SourceText source, List<GitLabJob> jobs)
    {
        foreach (var entry in root.Entries)
        {
            if (!Reserved.Contains(entry.Key.Value) && entry.Value is YamlMapping job)
            {
                jobs.Add(new GitLabJob(entry, job, source));
            }
        }
    }

    private static IEnumerable<(SourceText, YamlMapping)> LocalIncludes(YamlMapping root, string displayPath, string fullPath)
    {
        var baseDirectory = Path.GetDirectoryName(fullPath) ?? ".";
        var displayDirectory = displayPath.Contains('/', StringComparison.Ordinal) ? displayPath[..displayPath.LastIndexOf('/')] : "";
        var count = 0;
        foreach (var local in IncludePaths(root["include"]))
        {
            if (++count > MaxIncludes || local.Contains('*', StringComparison.Ordinal) || local.Contains("..", StringComparison.Ordinal))
            {
                continue;
            }

            var relative = local.TrimStart('/');
            var candidate = Path.GetFullPath(Path.Combine(baseDirectory, relative));
            if (!candidate.StartsWith(baseDirectory, StringComparison.Ordinal) || !File.Exists(candidate) || new FileInfo(candidate).Length > YamlLoadOptions.Workflow.MaxLength)
            {
                continue;
            }

            var text = File.ReadAllText(candidate);
            var display = displayDirectory.Length == 0 ? relative : displayDirectory + "/" + relative;
            YamlMapping? included;
            try
            {
                included = YamlLoader.Load(text) as YamlMapping;
            }
            catch (InputFormatException ex)
            {
                throw new InputFormatException($"included file '{relative}': {ex.Message}", ex.Line, ex.Column);
            }

            if (included is not null)
            {
                yield return (new SourceText(display, text), included);
            }
        }
    }

    /// <summary>
    /// The local <c>include:</c> paths (possibly with wildcards) a pipeline text names, without the leading slash;
    /// empty when the text does not parse. Used by <c>pr-guard</c> to treat included files as CI configuration.
    /// </summary>
    public static IReadOnlyList<string> LocalIncludePaths(string text)
    {
        try
        {
            return YamlLoader.Load(text) is YamlMapping root
                ? IncludePaths(root["include"]).Select(p => p.Trim().TrimStart('/')).Where(p => p.Length > 0).Take(MaxIncludes).ToList()
                : [];
        }
        catch (InputFormatException)
        {
            return [];
        }
    }

    private static IEnumerable<string> IncludePaths(YamlNode? include)
    {
        switch (include)
        {
            case YamlScalar s when !s.IsNull && !s.Value.Contains("://", StringComparison.Ordinal):
                yield return s.Value;
                break;
            case YamlMapping m when m.ScalarValue("local") is { } local:
                yield return local;
                break;
            case YamlSequence seq:
                foreach (var item in seq.Items)
                {
                    foreach (var path in IncludePaths(item))
                    {
                        yield return path;
                    }
                }

                break;
        }
    }
}
