using System.Security.Cryptography;
using System.Text;

namespace Shipgate.Core;

/// <summary>
/// What a rule or scanner gets for one file: its paths, the rule options, and <see cref="Report"/>,
/// the only way to make a <see cref="Finding"/> (so fingerprints and severities are derived in one place), and
/// <see cref="ReportError"/> for a malformed part of a file that did not stop the rest of it from being scanned.
/// Thread-safe.
/// </summary>
public sealed class RuleContext
{
    private readonly RuleSettings settings;
    private readonly System.Collections.Concurrent.ConcurrentQueue<ScanError> errors = new();

    public RuleContext(string displayPath, string identityPath, RuleSettings settings)
    {
        DisplayPath = displayPath;
        IdentityPath = identityPath;
        this.settings = settings;
    }

    /// <summary>The path shown in reports (forward slashes).</summary>
    public string DisplayPath { get; }

    /// <summary>The path that goes into fingerprints: relative to the repository root when there is one.</summary>
    public string IdentityPath { get; }

    public RuleSettings Settings => settings;

    /// <summary>Errors reported with <see cref="ReportError"/>, in order.</summary>
    public IReadOnlyCollection<ScanError> Errors => errors;

    /// <summary>
    /// Records a malformed part of the file (one bad document of a stream, say) while findings for the rest are still
    /// returned; the engine lists it under the scan's errors. Whole-file failures throw <see cref="InputFormatException"/>.
    /// </summary>
    public void ReportError(InputFormatException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        errors.Enqueue(new ScanError(DisplayPath, error.Message, error.Line, error.Column));
    }

    public bool IsEnabled(IRule rule) => settings.IsEnabled(rule.Metadata);

    /// <summary>A per-rule option from the configuration, or <paramref name="fallback"/>.</summary>
    public string? Option(IRule rule, string key, string? fallback = null) => settings.Option(rule.Metadata, key) ?? fallback;

    /// <summary>A per-rule list option (a YAML sequence, or a comma-separated string).</summary>
    public IReadOnlyList<string> ListOption(IRule rule, string key) => settings.ListOption(rule.Metadata, key);

    /// <summary>
    /// Makes a finding. <paramref name="fingerprintMaterial"/> is the normalised matched content
    /// (never a line number). With <paramref name="pathInFingerprint"/> false the fingerprint follows
    /// the content wherever it moves, which is what secrets want.
    /// </summary>
    public Finding Report(
        IRule rule,
        Location location,
        string message,
        string fingerprintMaterial,
        string? snippet = null,
        Fix? fix = null,
        IReadOnlyDictionary<string, string>? properties = null,
        bool pathInFingerprint = true,
        Confidence? confidence = null,
        Severity? severity = null)
    {
        var metadata = rule.Metadata;
        return new Finding
        {
            Rule = metadata,
            Severity = settings.SeverityOf(metadata, severity ?? metadata.DefaultSeverity),
            Confidence = confidence ?? metadata.Confidence,
            Message = message,
            Location = location,
            Fingerprint = Fingerprints.Compute(metadata.Id, pathInFingerprint ? IdentityPath : "", fingerprintMaterial),
            Snippet = snippet,
            Fix = fix,
            Properties = properties is null
                ? new SortedDictionary<string, string>(StringComparer.Ordinal)
                : new SortedDictionary<string, string>(properties.ToDictionary(), StringComparer.Ordinal),
        };
    }
}

/// <summary>How fingerprints are computed: one function, so baselines written by any version stay valid.</summary>
public static class Fingerprints
{
    /// <summary>Lower-case hex SHA-256 over <c>ruleId NUL path NUL normalised-material</c>, first 32 hex digits.</summary>
    public static string Compute(string ruleId, string path, string material)
    {
        var normalised = Normalise(material);
        var bytes = Encoding.UTF8.GetBytes(ruleId + "\0" + path + "\0" + normalised);
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }

    /// <summary>Collapses runs of whitespace so re-indenting a line does not change the identity.</summary>
    public static string Normalise(string material)
    {
        var builder = new StringBuilder(material.Length);
        var pendingSpace = false;
        foreach (var c in material)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A stable hash of a secret value, so the value itself never has to be stored.</summary>
    public static string HashSecret(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
