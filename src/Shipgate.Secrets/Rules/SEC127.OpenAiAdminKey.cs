using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC127: OpenAI organization admin keys (<c>sk-admin-</c>).</summary>
public sealed partial class OpenAiAdminKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC127",
        Name: "openai-admin-key",
        Title: "OpenAI admin API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:openai-api-key"],
        Description = "Finds OpenAI admin API keys (sk-admin-), which manage an organization: they create and delete API keys, invite users, change projects and read audit and usage data. "
            + "A leaked admin key hands over the whole OpenAI organization.",
        Remediation = "Delete the admin key in the organization settings (Admin keys), review the audit log for new keys and users it created, and keep admin keys out of applications entirely.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sk-admin-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.8;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])sk-admin-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "OPENAI_ADMIN_KEY=sk-admin-" + Samples.Base64Url(58) + "T3BlbkFJ" + Samples.Base64Url(58);
        yield return "headers = {\"Authorization\": \"Bearer sk-admin-" + Samples.Base64Url(74) + "T3BlbkFJ" + Samples.Base64Url(74) + "\"}";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "OPENAI_ADMIN_KEY=sk-admin-...";
        yield return "OPENAI_ADMIN_KEY=${OPENAI_ADMIN_KEY}";
        yield return "OPENAI_ADMIN_KEY=sk-admin-" + Samples.Base64Url(60);
    }
}
