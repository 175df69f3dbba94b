using Shipgate.Core;
using Shipgate.Dependencies.Lockfiles;
using Shipgate.Dependencies.Osv;
using Shipgate.Dependencies.Rules;

namespace Shipgate.Dependencies;

/// <summary>
/// The dependencies domain's entry point into <c>shipgate scan</c>: claims every file a lockfile format recognises by
/// name and every dependency manifest (<see cref="Manifests"/>), anywhere in the tree outside <c>node_modules</c>,
/// parses it once into a <see cref="DependencyDocument"/> and runs every enabled DEP rule on it. A malformed lockfile
/// becomes an <c>errors</c> entry with its line. Scanner-wide options sit under the pseudo-rule <c>deps</c>
/// (<see cref="SettingsKey"/>): <c>no-dev: true</c> leaves development-only packages out. Holds only immutable state;
/// thread-safe.
/// </summary>
public sealed class DependencyScanner : IScanner
{
    private readonly LockfileFormats namesOnly = LockfileFormats.Create(NoFileReader.Instance);
    private readonly IReadOnlyList<DependencyRule> rules;
    private readonly IAdvisorySource? advisories;

    public DependencyScanner()
        : this(DependencyRules.Create())
    {
    }

    /// <summary>A scanner with the given rules (the CLI passes <see cref="DependencyRules.Create"/>).</summary>
    public DependencyScanner(IReadOnlyList<DependencyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        this.rules = rules;
        Rules = rules;
    }

    private DependencyScanner(IReadOnlyList<DependencyRule> rules, IAdvisorySource? advisories)
        : this(rules)
    {
        this.advisories = advisories;
    }

    /// <summary>
    /// The same scanner, looking packages up in <paramref name="source"/> (the offline OSV store or the OSV API) so the
    /// vulnerability rules (DEP001–DEP099) have matches to report. The CLI makes one per scan.
    /// </summary>
    public DependencyScanner WithAdvisories(IAdvisorySource? source) => new(rules, source);

    /// <summary>Pseudo-rule under which the command line and configuration set scanner-wide options (<c>no-dev</c>).</summary>
    public static RuleMetadata SettingsKey { get; } = new("deps", "deps", "Dependency scanner settings", Category.Deps, Severity.Info, Confidence.High);

    public Category Category => Category.Deps;

    public IReadOnlyList<IRule> Rules { get; }

    public bool Claims(ScanFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (namesOnly.Detect(file.Name) is not null)
        {
            return true;
        }

        return Manifests.Detect(file.Name) is not null
            && !("/" + file.RelativePath).Contains("/node_modules/", StringComparison.Ordinal);
    }

    public async ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        var document = Load(file, context);
        if (advisories is not null && document.Packages.Count > 0 && rules.Any(r => r is VulnerabilityRule && context.IsEnabled(r)))
        {
            document = document.WithVulnerabilities(await VulnerabilityRule.MatchAsync(advisories, document.Packages, cancellationToken).ConfigureAwait(false));
        }

        var findings = new List<Finding>();
        foreach (var rule in rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (context.IsEnabled(rule))
            {
                findings.AddRange(rule.Analyze(document, context));
            }
        }

        return findings;
    }

    /// <summary>Whether the settings ask to leave development-only packages out.</summary>
    public static bool ExcludesDev(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.Equals(settings.Option(SettingsKey, "no-dev"), "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads a claimed file into the document the rules analyse.</summary>
    internal static DependencyDocument Load(ScanFile file, RuleContext context)
    {
        CheckSize(file);
        var text = file.ReadAllText().TrimStart('\uFEFF');
        IFileReader folder = file.FullPath is { } fullPath ? new PhysicalFileReader(Path.GetDirectoryName(fullPath) ?? "/") : NoFileReader.Instance;
        var format = LockfileFormats.Create(folder).Detect(file.Name);
        var packages = format is null ? [] : format.Parser.Parse(text, file.FullPath ?? file.DisplayPath);
        return new DependencyDocument(context.DisplayPath, text, format, format is null ? Manifests.Detect(file.Name) : null, packages, folder,
            onDisk: file.FullPath is not null, excludeDev: ExcludesDev(context.Settings));
    }

    /// <summary>Parses a claimed lockfile; sibling files (includes, go.sum, parent POMs) are read only for files on disk.</summary>
    internal static IReadOnlyList<Package> Read(ScanFile file)
    {
        CheckSize(file);
        IFileReader siblings = file.FullPath is { } fullPath ? new PhysicalFileReader(Path.GetDirectoryName(fullPath) ?? "/") : NoFileReader.Instance;
        var format = LockfileFormats.Create(siblings).Detect(file.Name)
            ?? throw new InputFormatException("The file is not a known lockfile.");
        var path = file.FullPath ?? file.DisplayPath;
        return format.Parser.Parse(file.ReadAllText().TrimStart('\uFEFF'), path);
    }

    private static void CheckSize(ScanFile file)
    {
        if (file.Length > PhysicalFileReader.MaxBytes)
        {
            throw new InputFormatException($"The file is larger than {PhysicalFileReader.MaxBytes / (1024 * 1024)} MiB and was not read.");
        }
    }
}
