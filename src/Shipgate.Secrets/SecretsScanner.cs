using System.Runtime.CompilerServices;
using Shipgate.Core;
using Shipgate.Secrets.Archives;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;

namespace Shipgate.Secrets;

/// <summary>
/// The secrets domain's <see cref="IScanner"/>: claims every text file and every archive, runs the secret rules over
/// the content (streamed when large) and turns matches into redacted findings. The raw secret never leaves this class
/// except as fingerprint material, which <see cref="RuleContext.Report"/> hashes. Thread-safe.
/// </summary>
public sealed class SecretsScanner : IScanner
{
    private readonly SecretPattern[] patterns;
    private readonly ConditionalWeakTable<RuleSettings, SecretDetector> detectors = [];

    public SecretsScanner(IEnumerable<SecretPattern> rules)
        : this(rules, null)
    {
    }

    public SecretsScanner(IEnumerable<SecretPattern> rules, SecretsScannerOptions? options)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Options = options ?? SecretsScannerOptions.Default;
        patterns = rules.ToArray();
        Rules = patterns;
        Detector = new SecretDetector(patterns, Options.Detector);
    }

    public Category Category => Category.Secrets;

    public IReadOnlyList<IRule> Rules { get; }

    public IReadOnlyList<SecretPattern> Patterns => patterns;

    public SecretsScannerOptions Options { get; }

    /// <summary>The detector for the full rule set.</summary>
    public SecretDetector Detector { get; }

    /// <summary>Markers of gitleaks and detect-secrets, so teams can migrate without touching their allow comments.</summary>
    public IReadOnlyList<string> InlineAllowMarkers { get; } = ["gitleaks:allow", "pragma: allowlist secret"];

    /// <summary>Every archive (by name), and every file whose head does not look binary.</summary>
    public bool Claims(ScanFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ArchiveFormats.IsArchive(file.Name) || !file.IsBinary;
    }

    /// <summary>
    /// Scans one file. An archive whose guards trip throws <see cref="InputFormatException"/> after everything safe was
    /// scanned; its inner <see cref="ArchivePartiallyScannedException"/> carries those findings.
    /// </summary>
    public ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        if (ArchiveFormats.IsArchive(file.Name))
        {
            var result = ScanArchive(file, context, cancellationToken);
            if (!result.IsComplete)
            {
                throw new InputFormatException(
                    "archive partially scanned: " + string.Join("; ", result.GuardTrips),
                    new ArchivePartiallyScannedException(result));
            }

            return ValueTask.FromResult(result.Findings);
        }

        var detector = DetectorFor(context);
        var gaps = new List<ScanGap>();
        Finding[] findings;
        if (file.Length <= Options.MaxInMemoryTextBytes)
        {
            using var text = file.LeaseText();
            findings = [.. ToFindings(detector.Scan(text.Text, gaps), context.DisplayPath, context, file.Provenance)];
        }
        else
        {
            using var stream = file.OpenRead();
            findings = [.. ToFindings(detector.Scan(stream, gaps, cancellationToken), context.DisplayPath, context, file.Provenance)];
        }

        if (gaps.Count > 0)
        {
            context.ReportError(new InputFormatException(GapMessage(gaps)));
        }

        return ValueTask.FromResult<IReadOnlyList<Finding>>(findings);
    }

    /// <summary>One line naming the rules that gave up and where first, e.g. for a 10 MB line of backtracking bait.</summary>
    internal static string GapMessage(IReadOnlyCollection<ScanGap> gaps)
    {
        var byRule = gaps
            .GroupBy(g => g.Rule.Metadata.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} at offset {g.Min(x => x.Offset)}" + (g.Count() > 1 ? $" (+{g.Count() - 1} more)" : ""));
        return "secret patterns timed out, so part of the file was not checked by them: " + string.Join(", ", byRule);
    }

    /// <summary>
    /// Streams any text (standard input, a pipe) through the detector without buffering it; memory stays bounded.
    /// Findings are yielded as they are found. The stream is not disposed.
    /// </summary>
    public IEnumerable<Finding> ScanStream(
        Stream content,
        string displayPath,
        RuleContext context,
        IReadOnlyDictionary<string, string>? provenance = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        return ToFindings(DetectorFor(context).Scan(content, cancellationToken), displayPath, context, provenance);
    }

    /// <summary>Scans an archive and its nested archives in memory, returning findings and what could not be scanned.</summary>
    public ArchiveScanResult ScanArchive(ScanFile file, RuleContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        var detector = DetectorFor(context);
        var findings = new List<Finding>();
        var walker = new ArchiveWalker(
            Options.Archives,
            (path, bytes) =>
            {
                // "archiveEntry" tells the engine the line numbers belong to the entry, not to the archive file on disk.
                var properties = new Dictionary<string, string>(file.Provenance ?? new Dictionary<string, string>(), StringComparer.Ordinal)
                {
                    ["archiveEntry"] = path[(context.DisplayPath.Length + 1)..],
                };
                using var entry = new MemoryStream(bytes, writable: false);
                findings.AddRange(ToFindings(detector.Scan(entry, cancellationToken), path, context, properties));
            },
            cancellationToken);
        using (var stream = file.OpenRead())
        {
            walker.Walk(Seekable(stream, Options.Archives.MaxTotalBytes), ArchiveFormats.FromName(file.Name), context.DisplayPath, file.Length, depth: 1);
        }

        return new ArchiveScanResult(findings, walker.GuardTrips, walker.Skipped);
    }

    /// <summary>The finding for one located secret: redacted message and snippet, the secret as fingerprint material.</summary>
    internal static Finding ToFinding(LocatedSecret secret, string path, RuleContext context, IReadOnlyDictionary<string, string>? provenance)
    {
        var title = secret.Rule.Metadata.Title;
        var redacted = Redactor.Redact(secret.Secret);
        var message = secret.Encoding is null
            ? $"{title} '{redacted}' found; revoke it and move it to a secret store."
            : $"{title} '{redacted}' found in {secret.Encoding}-encoded content; revoke it and move it to a secret store.";
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (provenance is not null)
        {
            foreach (var (key, value) in provenance)
            {
                properties[key] = value;
            }
        }

        if (secret.Encoding is not null)
        {
            properties["encoding"] = secret.Encoding;
        }

        var location = new Location(path, secret.StartLine, secret.StartColumn, secret.EndLine, secret.EndColumn);
        return context.Report(secret.Rule, location, message, fingerprintMaterial: secret.Secret, snippet: secret.RedactedLine,
            properties: properties, pathInFingerprint: false);
    }

    private static IEnumerable<Finding> ToFindings(IEnumerable<LocatedSecret> secrets, string path, RuleContext context, IReadOnlyDictionary<string, string>? provenance)
    {
        foreach (var secret in secrets)
        {
            yield return ToFinding(secret, path, context, provenance);
        }
    }

    /// <summary>
    /// A detector over the rules enabled in <paramref name="context"/>, so a disabled specific rule cannot hide an
    /// enabled generic rule's match through overlap resolution. Built once per <see cref="RuleSettings"/> instance
    /// (in practice one per scan) and shared by every file.
    /// </summary>
    private SecretDetector DetectorFor(RuleContext context) =>
        detectors.GetValue(context.Settings, settings =>
        {
            var enabled = patterns.Where(p => settings.IsEnabled(p.Metadata)).ToArray();
            return enabled.Length == patterns.Length ? Detector : new SecretDetector(enabled, Options.Detector);
        });

    /// <summary>Zip needs to seek; a non-seekable stream is copied into memory, up to the archive byte limit.</summary>
    private static Stream Seekable(Stream stream, long limit)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > limit)
            {
                throw new InputFormatException($"archive larger than {limit} bytes");
            }

            copy.Write(buffer, 0, read);
        }

        copy.Position = 0;
        return copy;
    }
}
