using Shipgate.Cli.Configuration;
using Shipgate.Cli.Output;
using Shipgate.Core;

namespace Shipgate.Cli.Commands;

/// <summary>
/// The steps every scanning command shares: resolve settings and config into <see cref="ScanOptions"/>,
/// run the engine with a progress bar, write the reports, and pick the exit code.
/// </summary>
internal sealed class ScanRunner(CliServices services)
{
    private CliEnvironment Env => services.Environment;

    /// <summary>The result of the last <see cref="ScanAndReportAsync"/> (for <c>--report-check</c>).</summary>
    public ScanResult? LastResult { get; private set; }

    /// <summary>Merges command-line settings (which win) with the configuration file.</summary>
    public ScanOptions BuildOptions(ScanSettings settings) => Build(settings).Options;

    /// <summary><see cref="BuildOptions"/>, and the configuration it read (for settings outside <see cref="ScanOptions"/>).</summary>
    internal (ScanOptions Options, ShipgateConfig Config) Build(ScanSettings settings)
    {
        var targets = settings.Paths.Count == 0 ? new[] { "." } : settings.Paths.ToArray();
        var configRoot = targets.Length == 1 && Directory.Exists(Env.Resolve(targets[0])) ? Env.Resolve(targets[0]) : Env.WorkingDirectory;
        var config = ConfigLoader.Load(settings.ConfigPath is null ? null : Env.Resolve(settings.ConfigPath), configRoot, () => services.AllRules);

        var baselinePath = settings.BaselinePath is not null ? Env.Resolve(settings.BaselinePath) : config.Baseline;
        Baseline? baseline = null;
        if (baselinePath is not null)
        {
            if (!File.Exists(baselinePath))
            {
                throw new UsageException($"{baselinePath}: baseline file not found");
            }

            try
            {
                baseline = Core.Baseline.Load(baselinePath);
            }
            catch (InputFormatException ex)
            {
                var position = ex.Line is { } line ? $":{line}" + (ex.Column is { } column ? $":{column}" : "") : "";
                throw new UsageException($"{baselinePath}{position}: {ex.Message}");
            }
        }

        return (new ScanOptions
        {
            Targets = targets,
            WorkingDirectory = Env.WorkingDirectory,
            Only = settings.Only,
            FailOn = settings.FailOn ?? config.FailOn ?? Severity.High,
            MinConfidence = settings.MinConfidence ?? config.MinConfidence ?? Confidence.Low,
            IgnoreInlineSuppressions = settings.NoInlineIgnore,
            Rules = new RuleSettings(config.Disable, config.Remap, WithNoDev(WithPersona(config.RuleOptions, settings.Persona), settings.NoDev), settings.IncludeExperimental || config.IncludeExperimental == true),
            Exclude = config.Exclude,
            Ignores = config.Ignore,
            Baseline = baseline,
            UseGitIgnore = !settings.NoGitIgnore && config.GitIgnore != false,
            MaxFileSize = config.MaxFileSize ?? 25L * 1024 * 1024,
            Threads = settings.Threads,
        }, config);
    }

    /// <summary>Runs a directory scan and reports it; returns the process exit code.</summary>
    public async Task<int> ScanAndReportAsync(ScanSettings settings, CancellationToken cancellationToken)
    {
        var outputs = ReportOutputs.Resolve(settings, Env);
        var (options, config) = Build(settings);
        using var advisories = AdvisoryScope.Open(settings.Advisories, Env, options.Only, config.OsvDatabase);
        var engine = new ScanEngine(advisories.Apply(services.ScannersFor(options.Only)), services.Tool, Env.Time);

        var describe = DescribeWhileScanning(FirstDirectory(options), cancellationToken);
        var result = await ProgressDisplay.RunAsync(Env, settings.Quiet, progress => engine.RunAsync(options with { Progress = progress }, cancellationToken)).ConfigureAwait(false);
        result = result with { Repository = await describe.ConfigureAwait(false) };
        await advisories.WarnAsync(Env.Error).ConfigureAwait(false);
        LastResult = result;
        return await ReportAsync(result, settings, outputs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes every requested report and maps the result to an exit code.</summary>
    public async Task<int> ReportAsync(ScanResult result, ScanSettings settings, ReportOutputs outputs, CancellationToken cancellationToken)
    {
        await outputs.WriteAsync(result, settings, cancellationToken).ConfigureAwait(false);
        if (!outputs.ConsoleOnStandardOutput)
        {
            foreach (var error in result.Errors)
            {
                await Env.Error.WriteLineAsync($"shipgate: {error}").ConfigureAwait(false);
            }
        }

        return (int)ExitCodeOf(result);
    }

    public static ExitCode ExitCodeOf(ScanResult result) =>
        result.FilesScanned == 0 && result.Errors.Count > 0 ? ExitCode.UsageOrInputError
        : result.FailsThreshold ? ExitCode.FindingsAtOrAboveThreshold
        : ExitCode.Success;

    /// <summary>
    /// The git facts of the work tree holding <paramref name="directory"/>, for the report header. They cost git
    /// processes, so they are gathered while the scan runs, on a thread of their own (waiting for git then holds none of
    /// the thread pool's few threads the scan needs).
    /// </summary>
    internal static Task<RepositoryInfo?> DescribeWhileScanning(string directory, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => GitRepository.FindWorkTreeRoot(directory) is { } root ? GitRepository.Describe(root) : null,
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    private string FirstDirectory(ScanOptions options)
    {
        var first = Env.Resolve(options.Targets[0]);
        return Directory.Exists(first) ? first : Path.GetDirectoryName(first) ?? Env.WorkingDirectory;
    }

    // --persona is the workflows scanner's "persona" option (the scanner reads it under the key "workflows").
    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> WithNoDev(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> options, bool noDev)
    {
        if (!noDev)
        {
            return options;
        }

        var merged = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(options, StringComparer.OrdinalIgnoreCase);
        var deps = merged.TryGetValue("deps", out var existing)
            ? new Dictionary<string, IReadOnlyList<string>>(existing, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        deps["no-dev"] = ["true"];
        merged["deps"] = deps;
        return merged;
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> WithPersona(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> options, string? persona)
    {
        if (persona is null)
        {
            return options;
        }

        var merged = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(options, StringComparer.OrdinalIgnoreCase);
        var workflows = merged.TryGetValue("workflows", out var existing)
            ? new Dictionary<string, IReadOnlyList<string>>(existing, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        workflows["persona"] = [persona];
        merged["workflows"] = workflows;
        return merged;
    }
}
