using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC128: Anthropic Claude API keys: <c>sk-ant-api03-</c> + 93 characters + <c>AA</c>.</summary>
public sealed partial class AnthropicApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC128",
        Name: "anthropic-api-key",
        Title: "Anthropic API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:anthropic-api-key"],
        Description = "Finds Anthropic API keys (sk-ant-api03-), the credentials for the Claude API. "
            + "A leaked key spends the workspace's budget and can access its files and batches.",
        Remediation = "Delete the key in the Anthropic Console (Settings > API keys), create a new workspace-scoped key, and read it from ANTHROPIC_API_KEY at run time.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sk-ant-api03-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])sk-ant-api03-[A-Za-z0-9_-]{93}AA(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "ANTHROPIC_API_KEY=sk-ant-api03-" + Samples.Base64Url(93) + "AA";
        yield return "client = anthropic.Anthropic(api_key=\"sk-ant-api03-" + Samples.Base64Url(93) + "AA\")";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "ANTHROPIC_API_KEY=sk-ant-api03-...";
        yield return "client = anthropic.Anthropic(api_key=os.environ.get(\"ANTHROPIC_API_KEY\"))";
        yield return "ANTHROPIC_API_KEY=sk-ant-api03-" + Samples.Base64Url(60) + "AA";
    }
}
