using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows;

/// <summary>
/// The workflows domain's entry point: claims GitHub Actions workflows, action definitions,
/// <c>dependabot.yml</c>, pre-commit configs and <c>.gitlab-ci.yml</c>, parses each once and runs the rules.
/// Thread-safe: it holds only immutable rule lists and settings.
/// </summary>
public sealed partial class WorkflowsScanner : IScanner
{
    private readonly IReadOnlyList<WorkflowRule<GitHubDocument>> gitHubRules;
    private readonly IReadOnlyList<WorkflowRule<GitLabPipeline>> gitLabRules;
    private readonly WorkflowScanSettings settings;

    public WorkflowsScanner(WorkflowScanSettings? settings = null)
        : this(WorkflowRuleCatalog.CreateGitHub(), WorkflowRuleCatalog.CreateGitLab(), settings)
    {
    }

    public WorkflowsScanner(
        IReadOnlyList<WorkflowRule<GitHubDocument>> gitHubRules,
        IReadOnlyList<WorkflowRule<GitLabPipeline>> gitLabRules,
        WorkflowScanSettings? settings = null)
    {
        this.gitHubRules = gitHubRules;
        this.gitLabRules = gitLabRules;
        this.settings = settings ?? WorkflowScanSettings.Default;
        Rules = [.. gitHubRules, .. gitLabRules];
    }

    public Category Category => Category.Workflows;

    public IReadOnlyList<IRule> Rules { get; }

    public bool Claims(ScanFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Classify(file) is not null;
    }

    public ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        var kind = Classify(file);
        if (kind is null)
        {
            return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
        }

        if (file.Length > MaxFileBytes)
        {
            throw new InputFormatException($"file is too large to audit ({file.Length} bytes; limit {MaxFileBytes})", 1, 1);
        }

        var text = file.ReadAllText();
        var hits = new List<AuditHit>();
        if (kind == FileKind.GitLab)
        {
            var pipeline = GitLabPipeline.Parse(context.DisplayPath, text, file.FullPath);
            foreach (var rule in gitLabRules)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (context.IsEnabled(rule))
                {
                    hits.AddRange(rule.Audit(pipeline, new AuditScope(context, pipeline.Source)));
                }
            }

            return ValueTask.FromResult<IReadOnlyList<Finding>>(Filter(hits, pipeline.Source, zizmor: false, PersonaFor(context)));
        }

        var document = GitHubDocument.Parse(ToGitHubKind(kind.Value), context.DisplayPath, text);
        foreach (var rule in gitHubRules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (context.IsEnabled(rule))
            {
                hits.AddRange(rule.Audit(document, new AuditScope(context, document.Source)));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<Finding>>(Filter(hits, document.Source, settings.HonourZizmorComments, PersonaFor(context)));
    }

    private const long MaxFileBytes = 8L * 1024 * 1024;

    /// <summary>Pseudo-rule under which the configuration may set scanner-wide options (<c>persona</c>).</summary>
    public static RuleMetadata SettingsKey { get; } = new("workflows", "workflows", "Workflows scanner settings", Category.Workflows, Severity.Info, Confidence.High);

    private Persona PersonaFor(RuleContext context) =>
        context.Settings.Option(SettingsKey, "persona") is { } configured && Enum.TryParse<Persona>(configured, ignoreCase: true, out var persona)
            ? persona
            : settings.Persona;

    private static List<Finding> Filter(List<AuditHit> hits, Yaml.SourceText source, bool zizmor, Persona persona)
    {
        var result = new List<Finding>(hits.Count);
        foreach (var hit in hits)
        {
            if (hit.Persona > persona)
            {
                continue;
            }

            if (zizmor && IsIgnoredByComment(hit, source))
            {
                continue;
            }

            result.Add(hit.Finding);
        }

        return result;
    }

    private static bool IsIgnoredByComment(AuditHit hit, Yaml.SourceText source)
    {
        var audits = hit.Finding.Equivalents
            .Where(e => e.StartsWith("zizmor:", StringComparison.Ordinal))
            .Select(e => e["zizmor:".Length..])
            .ToArray();
        if (audits.Length == 0)
        {
            return false;
        }

        for (var line = hit.FeatureStartLine; line <= hit.FeatureEndLine && line <= source.Lines.LineCount; line++)
        {
            if (source.CommentOn(line) is not { } comment)
            {
                continue;
            }

            var at = comment.IndexOf("zizmor: ignore[", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var close = comment.IndexOf(']', at);
            var list = close < 0 ? comment[(at + 15)..] : comment[(at + 15)..close];
            foreach (var name in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (audits.Contains(name, StringComparer.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static GitHubDocumentKind ToGitHubKind(FileKind kind) => kind switch
    {
        FileKind.Workflow => GitHubDocumentKind.Workflow,
        FileKind.Action => GitHubDocumentKind.Action,
        FileKind.Dependabot => GitHubDocumentKind.Dependabot,
        _ => GitHubDocumentKind.PreCommit,
    };
}
