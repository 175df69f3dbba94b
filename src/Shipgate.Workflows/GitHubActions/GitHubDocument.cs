using Shipgate.Core;
using Shipgate.Workflows.Yaml;
using Shipgate.Yaml;

namespace Shipgate.Workflows.GitHubActions;

public enum GitHubDocumentKind
{
    Workflow,
    Action,
    Dependabot,
    PreCommit,
}

/// <summary>
/// One parsed GitHub-side file: a workflow, an action definition, a <c>dependabot.yml</c> or a pre-commit
/// config, with its source text for positions. Built once per file by the workflows scanner and
/// handed to every GitHub rule. Immutable.
/// </summary>
public sealed class GitHubDocument : IYamlDocument
{
    private GitHubDocument(GitHubDocumentKind kind, SourceText source, YamlMapping root)
    {
        Kind = kind;
        Source = source;
        Root = root;
        if (kind == GitHubDocumentKind.Workflow)
        {
            Workflow = new Workflow(root);
        }
        else if (kind == GitHubDocumentKind.Action)
        {
            Action = new ActionDefinition(root);
        }

        foreach (var step in Steps)
        {
            if (step.UsesScalar is { } uses && source.CommentOn(source.Span(uses.Start.Offset, uses.End.Offset).EndLine) is { } comment)
            {
                var match = System.Text.RegularExpressions.Regex.Match(comment, @"\bv?(\d+(?:\.\d+)*)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
                step.VersionComment = match.Success ? "v" + match.Groups[1].Value : null;
            }
        }
    }

    public GitHubDocumentKind Kind { get; }

    public SourceText Source { get; }

    public YamlMapping Root { get; }

    public Workflow? Workflow { get; }

    public ActionDefinition? Action { get; }

    /// <summary>Every step of the workflow's jobs or of the composite action.</summary>
    public IEnumerable<JobStep> Steps => Workflow?.Steps ?? Action?.Steps ?? [];

    public static GitHubDocument Parse(GitHubDocumentKind kind, string path, string text)
    {
        var root = YamlLoader.Load(text);
        if (root is not YamlMapping mapping)
        {
            var at = root?.Start ?? new Mark(0, 1, 1);
            throw new InputFormatException($"{KindName(kind)} must be a YAML mapping at the top level", at.Line, at.Column);
        }

        return new GitHubDocument(kind, new SourceText(path, text), mapping);
    }

    private static string KindName(GitHubDocumentKind kind) => kind switch
    {
        GitHubDocumentKind.Workflow => "a workflow",
        GitHubDocumentKind.Action => "an action definition",
        GitHubDocumentKind.Dependabot => "a Dependabot configuration",
        _ => "a pre-commit configuration",
    };
}
