using Shipgate.Containers.Dockerfiles;
using Shipgate.Containers.Rules;
using Shipgate.Core;

namespace Shipgate.Containers;

/// <summary>
/// The containers domain's entry point for Dockerfiles: claims <c>Dockerfile</c>, <c>Containerfile</c>,
/// <c>*.Dockerfile</c>, <c>Dockerfile.*</c> (and explicitly given files whose name mentions "dockerfile"), parses each
/// file once and runs every enabled rule on it. Honours hadolint's inline <c># hadolint ignore=DL3008</c> and
/// <c># hadolint global ignore=…</c> comments so teams can migrate. Thread-safe: rules and the parser are stateless.
/// </summary>
public sealed class DockerfileScanner : IScanner
{
    private readonly IReadOnlyList<Rule<Dockerfile>> rules;

    public DockerfileScanner()
        : this(DockerfileRules.Create())
    {
    }

    internal DockerfileScanner(IReadOnlyList<Rule<Dockerfile>> rules)
    {
        this.rules = rules;
        Rules = rules;
    }

    public Category Category => Category.Docker;

    public IReadOnlyList<IRule> Rules { get; }

    public bool Claims(ScanFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return IsDockerfileName(file.Name) || (file.ExplicitlyGiven && file.Name.Contains("dockerfile", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// <c>Dockerfile.dev</c> and <c>Dockerfile.prod</c> are Dockerfiles; <c>Dockerfile.cs</c> (a parser's own source),
    /// <c>Dockerfile.md</c> or <c>Dockerfile.json</c> are not.
    /// </summary>
    private static bool IsSourceOrDocumentExtension(string extension) => extension.ToLowerInvariant() is
        ".cs" or ".fs" or ".vb" or ".go" or ".py" or ".js" or ".mjs" or ".ts" or ".java" or ".kt" or ".rs" or ".rb" or ".php"
        or ".c" or ".h" or ".cpp" or ".swift" or ".scala" or ".dart" or ".md" or ".json" or ".yml" or ".yaml" or ".xml"
        or ".html" or ".txt" or ".orig" or ".rej" or ".swp" or ".bak" or ".snap" or ".golden" or ".expected";

    /// <summary>Whether a file name is one of the conventional Dockerfile names.</summary>
    public static bool IsDockerfileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var stem in (ReadOnlySpan<string>)["Dockerfile", "Containerfile"])
        {
            if (name.Equals(stem, StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("." + stem, StringComparison.OrdinalIgnoreCase)
                || (name.StartsWith(stem + ".", StringComparison.OrdinalIgnoreCase) && name.Length > stem.Length + 1 && !IsSourceOrDocumentExtension(Path.GetExtension(name))))
            {
                return true;
            }
        }

        return false;
    }

    public ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        if (file.Length > DockerfileParser.MaxTextLength)
        {
            throw new InputFormatException($"the Dockerfile is larger than {DockerfileParser.MaxTextLength / (1024 * 1024)} MiB", 1, 1);
        }

        var document = DockerfileParser.Parse(file.ReadAllText(), context.DisplayPath);
        return ValueTask.FromResult(Scan(document, context, cancellationToken));
    }

    internal IReadOnlyList<Finding> Scan(Dockerfile document, RuleContext context, CancellationToken cancellationToken = default)
    {
        var ignores = HadolintIgnores.Read(document);
        var findings = new List<Finding>();
        foreach (var rule in rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!context.IsEnabled(rule))
            {
                continue;
            }

            foreach (var finding in rule.Analyze(document, context))
            {
                if (!ignores.Suppresses(finding))
                {
                    findings.Add(finding);
                }
            }
        }

        return findings;
    }
}
