using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC129: Anthropic Admin API keys: <c>sk-ant-admin01-</c> + 93 characters + <c>AA</c>.</summary>
public sealed partial class AnthropicAdminKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC129",
        Name: "anthropic-admin-key",
        Title: "Anthropic Admin API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:anthropic-admin-api-key"],
        Description = "Finds Anthropic Admin API keys (sk-ant-admin01-), which manage an organization's members, workspaces and API keys. "
            + "Whoever holds one can create new keys and invite accounts, persisting after the leaked key is revoked.",
        Remediation = "Delete the admin key in the Anthropic Console, review organization members, workspaces and API keys for changes, and keep admin keys out of application code.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sk-ant-admin01-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])sk-ant-admin01-[A-Za-z0-9_-]{93}AA(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-" + Samples.Base64Url(93) + "AA";
        yield return "curl -H \"x-api-key: sk-ant-admin01-" + Samples.Base64Url(93) + "AA\" https://api.anthropic.com/v1/organizations/users";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-...";
        yield return "ANTHROPIC_ADMIN_KEY=$ANTHROPIC_ADMIN_KEY";
        yield return "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-" + Samples.Base64Url(40) + "AA";
    }
}
