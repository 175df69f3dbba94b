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

