using System.Text;
using Shipgate.Core;
using Shipgate.Iac.Kubernetes.Rules;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes;

/// <summary>
/// The Kubernetes part of the iac domain: claims <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> files whose first
/// 64 KiB hold a top-level <c>apiVersion</c> and <c>kind</c> (CI files, compose files and lockfiles are never peeked
/// at), reads every object once and runs each enabled rule on the manifest. Thread-safe: rules and reader are stateless.
/// </summary>
public sealed class KubernetesScanner : IScanner
{
    private const int PeekBytes = 64 * 1024;

    private static readonly string[] NeverManifests =
    [
        ".gitlab-ci.yml", "pnpm-lock.yaml", ".pre-commit-config.yaml", ".pre-commit-hooks.yaml", "dependabot.yml",
        "dependabot.yaml", "Chart.yaml", "Chart.lock", "action.yml", "action.yaml", "mkdocs.yml", ".golangci.yml",
        "codecov.yml", ".travis.yml", "package.json", "package-lock.json", "composer.json", "tsconfig.json", ".shipgate.yml",
    ];

    private readonly IReadOnlyList<KubernetesRule> rules;

    public KubernetesScanner()
        : this(KubernetesRuleCatalog.Create())
    {
    }

    internal KubernetesScanner(IReadOnlyList<KubernetesRule> rules)
    {
        this.rules = rules;
        Rules = rules;
    }

    public Category Category => Category.Iac;

    public IReadOnlyList<IRule> Rules { get; }

    public bool Claims(ScanFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!IsCandidateName(file.RelativePath, file.Name) || file.Length == 0)
        {
            return false;
        }

        var buffer = new byte[(int)Math.Min(PeekBytes, file.Length > 0 ? file.Length : PeekBytes)];
        int read;
        using (var stream = file.OpenRead())
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }

        return LooksLikeManifest(Encoding.UTF8.GetString(buffer, 0, read));
    }

    /// <summary>Whether a path may hold a manifest at all: the extension, and not a file another tool owns.</summary>
    public static bool IsCandidateName(string relativePath, string name)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(name);
        var extension = Path.GetExtension(name);
        if (!extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            && !extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Array.Exists(NeverManifests, n => n.Equals(name, StringComparison.OrdinalIgnoreCase))
            || name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("compose.", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".lock.json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var path = "/" + relativePath.Replace('\\', '/');
        return !path.Contains("/.github/workflows/", StringComparison.Ordinal) && !path.Contains("/.gitlab/ci/", StringComparison.Ordinal);
    }

    /// <summary>A cheap sniff: a line that starts with <c>apiVersion:</c> and one with <c>kind:</c> (or both JSON keys).</summary>
    public static bool LooksLikeManifest(string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var trimmed = head.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[')
        {
            return head.Contains("\"apiVersion\"", StringComparison.Ordinal) && head.Contains("\"kind\"", StringComparison.Ordinal);
        }

        bool api = false, kind = false;
        foreach (var line in head.AsSpan().EnumerateLines())
        {
            api |= line.StartsWith("apiVersion:") || line.StartsWith("\"apiVersion\":");
            kind |= line.StartsWith("kind:") || line.StartsWith("\"kind\":");
            if (api && kind)
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
        if (file.Length > YamlLoadOptions.Manifest.MaxLength)
        {
            throw new InputFormatException($"the manifest is larger than {YamlLoadOptions.Manifest.MaxLength / (1024 * 1024)} MiB and was not parsed", 1, 1);
        }

        var manifest = ManifestReader.Read(context.DisplayPath, file.ReadAllText());
        if (manifest.Errors.Count == 1 && manifest.Resources.Count == 0)
        {
            throw manifest.Errors[0];
        }

        foreach (var error in manifest.Errors)
        {
            context.ReportError(error);
        }

        return ValueTask.FromResult(Scan(manifest, context, cancellationToken));
    }

    internal IReadOnlyList<Finding> Scan(KubernetesManifest manifest, RuleContext context, CancellationToken cancellationToken = default)
    {
        var findings = new List<Finding>();
        foreach (var rule in rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!context.IsEnabled(rule) || (manifest.IsTemplated && rule.ReportsMissingSettings))
            {
                continue;
            }

            findings.AddRange(rule.Analyze(manifest, context));
        }

        return findings;
    }
}
