using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Shipgate.Core;

/// <summary>
/// Runs a scan: discovers files, hands each to every scanner that claims it (in parallel, one task per
/// file), then filters, suppresses and sorts the findings. The engine knows no domain by name: it only
/// sees <see cref="IScanner"/>s. Create one per process; <see cref="RunAsync"/> is thread-safe.
/// </summary>
public sealed partial class ScanEngine
{
    private readonly IReadOnlyList<IScanner> scanners;
    private readonly ToolInfo tool;
    private readonly TimeProvider time;

    public ScanEngine(IReadOnlyList<IScanner> scanners, ToolInfo tool, TimeProvider time)
    {
        this.scanners = scanners;
        this.tool = tool;
        this.time = time;
    }

    public IReadOnlyList<IScanner> Scanners => scanners;

    /// <summary>Every rule of every scanner, sorted by id.</summary>
    public IReadOnlyList<IRule> AllRules => scanners.SelectMany(s => s.Rules).OrderBy(r => r.Metadata.Id, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Discovers the targets' files and scans them. The walk runs on its own thread and hands files over as it finds
    /// them, so scanning starts at once instead of after the whole tree has been listed (on a large tree, listing took a
    /// fifth of the scan on one core while the others waited).
    /// </summary>
    public async Task<ScanResult> RunAsync(ScanOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var discovery = CreateDiscovery(options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var found = new BlockingCollection<ScanFile>();
        var listed = new StrongBox<int>();
        var walk = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    return discovery.Stream(
                        file =>
                        {
                            found.Add(file);
                            Volatile.Write(ref listed.Value, listed.Value + 1);
                        },
                        stop.Token);
                }
                finally
                {
                    found.CompleteAdding();
                }
            },
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        ScanResult result;
        try
        {
            result = await ScanAsync(found.GetConsumingEnumerable(stop.Token), () => (Volatile.Read(ref listed.Value), !found.IsAddingCompleted), options, stop.Token).ConfigureAwait(false);
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(walk).ConfigureAwait(false);
            throw;
        }

        var summary = await walk.ConfigureAwait(false);
        return result with
        {
            Errors = Sorted(result.Errors.Concat(summary.Errors)),
            Skipped = summary.Skipped,
        };
    }

    /// <summary>
    /// Scans content that does not come from discovery (standard input, staged blobs, git history) with the same
    /// parallelism, filtering and suppression. The sequence is pulled lazily, so memory stays bounded.
    /// </summary>
    public Task<ScanResult> RunOnFilesAsync(IEnumerable<ScanFile> files, ScanOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        return ScanAsync(files, static () => (0, false), options, cancellationToken);
    }

    /// <summary>
    /// Scans <paramref name="files"/>, pulled by the workers as they become free; <paramref name="total"/> tells progress
    /// reports how many files there are so far and whether more may come.
    /// </summary>
    private async Task<ScanResult> ScanAsync(
        IEnumerable<ScanFile> files, Func<(int Count, bool Growing)> total, ScanOptions options, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var startTimestamp = time.GetTimestamp();
        var active = scanners.Where(s => options.Only is null || options.Only.Contains(s.Category)).ToArray();
        var identities = new IdentityPaths();
        var errors = new ConcurrentBag<ScanError>();
        var findings = new ConcurrentBag<Finding>();
        var suppressed = new ConcurrentBag<SuppressedFinding>();
        var filesScanned = 0;
        var filesDone = 0;
        var suppressor = new Suppressor(options);

        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount,
        };

        await Parallel.ForEachAsync(files, parallel, async (file, token) =>
        {
            var outcome = await ScanOneAsync(file, active, options, identities, token).ConfigureAwait(false);
            foreach (var error in outcome.Errors)
            {
                errors.Add(error);
            }

            if (outcome.Scanned)
            {
                Interlocked.Increment(ref filesScanned);
            }

            using var lines = new LazyLines(file);
            foreach (var (finding, scanner) in outcome.Findings)
            {
                if (suppressor.Check(finding, file, scanner, lines) is { } suppression)
                {
                    suppressed.Add(suppression);
                }
                else
                {
                    findings.Add(finding);
                }
            }

            file.ReleaseContent();
            var done = Interlocked.Increment(ref filesDone);
            if (options.Progress is { } progress)
            {
                var (count, growing) = total();
                progress.Report(new ScanProgress(done, Math.Max(count, done), file.DisplayPath, growing));
            }
        }).ConfigureAwait(false);

        return new ScanResult
        {
            Tool = tool,
            Findings = [.. findings.OrderBy(f => f, FindingOrder.Instance)],
            Suppressed = [.. suppressed.OrderBy(s => s.Finding, FindingOrder.Instance)],
            Errors = Sorted(errors),
            Rules = [.. active.SelectMany(s => s.Rules).Select(r => r.Metadata).Where(options.Rules.IsEnabled).OrderBy(r => r.Id, StringComparer.Ordinal)],
            Targets = options.Targets,
            BaseDirectory = options.WorkingDirectory,
            FilesScanned = filesScanned,
            FailOn = options.FailOn,
            StartedAt = started,
            Duration = time.GetElapsedTime(startTimestamp),
        };
    }

    private static ScanError[] Sorted(IEnumerable<ScanError> errors) =>
        [.. errors.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Line ?? int.MinValue).ThenBy(e => e.Message, StringComparer.Ordinal)];

    private static async Task<FileOutcome> ScanOneAsync(ScanFile file, IScanner[] active, ScanOptions options, IdentityPaths identities, CancellationToken token)
    {
        var outcome = new FileOutcome();
        foreach (var scanner in active)
        {
            bool claims;
            try
            {
                claims = scanner.Claims(file);
            }
            catch (IOException ex)
            {
                outcome.Errors.Add(new ScanError(file.DisplayPath, $"cannot read: {ex.Message}"));
                return outcome;
            }
            catch (UnauthorizedAccessException)
            {
                outcome.Errors.Add(new ScanError(file.DisplayPath, "cannot read: permission denied"));
                return outcome;
            }

            if (!claims)
            {
                continue;
            }

            var context = new RuleContext(file.DisplayPath, identities.Of(file), options.Rules);
            try
            {
                var produced = await scanner.ScanAsync(file, context, token).ConfigureAwait(false);
                outcome.Scanned = true;
                outcome.Errors.AddRange(context.Errors);
                foreach (var finding in produced)
                {
                    if (options.Rules.IsEnabled(finding.Rule) && finding.Confidence >= options.MinConfidence)
                    {
                        outcome.Findings.Add((finding, scanner));
                    }
                }
            }
            catch (InputFormatException ex)
            {
                outcome.Errors.Add(new ScanError(file.DisplayPath, ex.Message, ex.Line, ex.Column));
            }
            catch (IOException ex)
            {
                outcome.Errors.Add(new ScanError(file.DisplayPath, $"cannot read: {ex.Message}"));
            }
            catch (UnauthorizedAccessException)
            {
                outcome.Errors.Add(new ScanError(file.DisplayPath, "cannot read: permission denied"));
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A crashing scanner must never stop the scan of other files: it becomes an error entry.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                outcome.Errors.Add(new ScanError(
                    file.DisplayPath,
                    $"internal error in the {scanner.Category.ToWire()} scanner ({ex.GetType().Name}: {ex.Message}); please report it"));
            }
        }

        return outcome;
    }

    private sealed class FileOutcome
    {
        public bool Scanned { get; set; }

        public List<ScanError> Errors { get; } = [];

        public List<(Finding Finding, IScanner Scanner)> Findings { get; } = [];
    }
}


/// <summary>The one ordering of findings every report uses: path, line, column, rule id, fingerprint.</summary>
public sealed class FindingOrder : IComparer<Finding>
{
    public static FindingOrder Instance { get; } = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(x.Location.Path, y.Location.Path);
        if (c == 0)
        {
            c = x.Location.StartLine.CompareTo(y.Location.StartLine);
        }

        if (c == 0)
        {
            c = x.Location.StartColumn.CompareTo(y.Location.StartColumn);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.RuleId, y.RuleId);
        }

        return c != 0 ? c : string.CompareOrdinal(x.Fingerprint, y.Fingerprint);
    }
}
