// TEMPORARY: stand-ins until the reporting and secrets branches land. Deleted at merge.
#pragma warning disable
using System.Text;
using System.Text.RegularExpressions;
using Shipgate.Core;

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
