// TEMPORARY: stand-ins until the reporting and secrets branches land. Deleted at merge.
#pragma warning disable
using System.Text;
using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Reporting
{
    public enum ReportFormat { Console, Json, Sarif, Markdown, Junit, Github }
    public interface IReportWriter { ReportFormat Format { get; } ValueTask WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken); }
    public sealed record ReportWriterOptions { public bool Color { get; init; } public bool ShowSecrets { get; init; } public int Width { get; init; } = 120; public bool Verbose { get; init; } }
    public static class ReportWriters
    {
        public static IReportWriter For(ReportFormat format, ReportWriterOptions options) => new Plain(format);
        private sealed class Plain(ReportFormat format) : IReportWriter
        {
            public ReportFormat Format => format;
            public async ValueTask WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken)
            {
                var sb = new StringBuilder();
                foreach (var f in result.Findings) sb.AppendLine($"{f.Location.Path}:{f.Location.StartLine}:{f.Location.StartColumn} {f.RuleId} {f.Severity.ToWire()} {f.Message} [{f.Fingerprint}]");
                foreach (var e in result.Errors) sb.AppendLine("error " + e);
                sb.AppendLine($"total {result.Findings.Count} suppressed {result.Suppressed.Count} files {result.FilesScanned}");
                var b = Encoding.UTF8.GetBytes(sb.ToString());
                await output.WriteAsync(b, cancellationToken);
            }
        }
    }
}

namespace Shipgate.Secrets
{
    using Shipgate.Secrets.Detection;
    using Shipgate.Secrets.Rules;
    public sealed class SecretsScanner(IEnumerable<SecretPattern> rules) : IScanner
    {
        private readonly SecretDetector detector = new(rules);
        public Category Category => Category.Secrets;
        public IReadOnlyList<IRule> Rules => detector.Rules;
        public IReadOnlyList<string> InlineAllowMarkers => ["gitleaks:allow", "pragma: allowlist secret"];
        public bool Claims(ScanFile file) => !file.IsBinary;
        public ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken)
        {
            var text = file.ReadAllText();
            var lines = new LineIndex(text);
            var list = new List<Finding>();
            foreach (var m in detector.Detect(text))
                list.Add(context.Report(m.Rule, lines.Span(file.DisplayPath, m.SecretOffset, m.SecretLength), $"{m.Rule.Metadata.Title} '{m.Secret[..4]}…' found.", m.Secret, pathInFingerprint: false));
            return ValueTask.FromResult<IReadOnlyList<Finding>>(list);
        }
    }
}

namespace Shipgate.Secrets.Rules
{
    public static class SecretRuleCatalog { public static IReadOnlyList<SecretPattern> Create() => [new StubGitHubToken()]; }
    public sealed partial class StubGitHubToken : SecretPattern
    {
        public override RuleMetadata Metadata { get; } = new("SEC001", "stub-git-hub-token", "GitHub personal access token", Category.Secrets, Severity.High, Confidence.High);
        public override IReadOnlyList<string> Keywords { get; } = ["ghp_"];
        public override Regex Pattern => R;
        [GeneratedRegex(@"\bghp_[0-9A-Za-z]{36}\b", RegexOptions.None, 250)] private static partial Regex R { get; }
        public override IEnumerable<string> TruePositives() { yield return "token = \"ghp_" + Shipgate.Secrets.Detection.Samples.AlphaNumeric(36) + "\""; }
        public override IEnumerable<string> FalsePositives() { yield break; }
    }
}
