namespace Shipgate.Core;

public sealed partial class ScanEngine
{
    /// <summary>
    /// Decides whether a finding is suppressed, in a fixed order: inline comment, then config
    /// <c>ignore</c> entries, then the baseline. Immutable after construction; safe across threads.
    /// </summary>
    private sealed class Suppressor
    {
        private readonly ScanOptions options;
        private readonly (IgnoreEntry Entry, GlobSet? Paths)[] ignores;

        public Suppressor(ScanOptions options)
        {
            this.options = options;
            ignores = options.Ignores.Select(i => (i, i.Paths.Count == 0 ? null : new GlobSet(i.Paths))).ToArray();
        }

        public SuppressedFinding? Check(Finding finding, ScanFile file, IScanner scanner, LazyLines lines)
        {
            if (!options.IgnoreInlineSuppressions && InlineReason(finding, lines, scanner) is { } inline)
            {
                return new SuppressedFinding(finding, SuppressionKind.Inline, inline);
            }

            foreach (var (entry, paths) in ignores)
            {
                var ruleMatches = entry.Rules.Count == 0 || entry.Rules.Any(r =>
                    r.Equals(finding.RuleId, StringComparison.OrdinalIgnoreCase) || r.Equals(finding.Rule.Name, StringComparison.OrdinalIgnoreCase));
                var pathMatches = paths is null || paths.IsMatch(finding.Location.Path) || paths.IsMatch(file.RelativePath);
                if (ruleMatches && pathMatches)
                {
                    return new SuppressedFinding(finding, SuppressionKind.Config, entry.Reason);
                }
            }

            if (options.Baseline is { } baseline && baseline.TryGet(finding.Fingerprint, out var known))
            {
                return new SuppressedFinding(finding, SuppressionKind.Baseline, known.Reason ?? "in baseline");
            }

            return null;
        }

        private static string? InlineReason(Finding finding, LazyLines source, IScanner scanner)
        {
            if (finding.Location.StartLine < 1 || finding.Properties.ContainsKey("archiveEntry") || source.Value is not { } lines)
            {
                return null;
            }

            var line = lines.LineText(finding.Location.StartLine);
            var above = finding.Location.StartLine > 1 ? lines.LineText(finding.Location.StartLine - 1) : null;
            return InlineSuppression.Find(finding.Rule, line, above, scanner.InlineAllowMarkers);
        }
    }
}

/// <summary>
/// A file's line index, built on first use for inline suppression checks (null for binary or unreadable files) over text
/// leased from the pool: a string of every file with findings (most over the large-object threshold) cost collections.
/// Dispose once the file's findings are checked.
/// </summary>
internal sealed class LazyLines(ScanFile file) : IDisposable
{
    private TextLease lease;
    private LineIndex? lines;
    private bool built;

    public LineIndex? Value
    {
        get
        {
            if (!built)
            {
                built = true;
                try
                {
                    if (!file.IsBinary)
                    {
                        lease = file.LeaseText();
                        lines = new LineIndex(lease.Text);
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            return lines;
        }
    }

    public void Dispose()
    {
        lines = null;
        lease.Dispose();
    }
}
