using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC126: OpenAI project, service account and legacy user keys (<c>sk-proj-</c>, <c>sk-svcacct-</c>, <c>sk-</c>) carrying the <c>T3BlbkFJ</c> marker.</summary>
public sealed partial class OpenAiApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC126",
        Name: "openai-api-key",
        Title: "OpenAI API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:openai-api-key"],
        Description = "Finds OpenAI API keys that contain the T3BlbkFJ marker: project keys (sk-proj-), service account keys (sk-svcacct-), user keys (sk-None-) and legacy sk- keys. "
            + "A key spends the organisation's credits and can read files, assistants and fine-tuning data in its project.",
        Remediation = "Delete the key in the OpenAI dashboard (API keys page of the project), create a project-scoped key with restricted permissions, and load it from OPENAI_API_KEY in the environment.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["T3BlbkFJ"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.8;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|None)-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "OPENAI_API_KEY=sk-proj-" + Samples.Base64Url(74) + "T3BlbkFJ" + Samples.Base64Url(74);
        yield return "client = OpenAI(api_key=\"sk-svcacct-" + Samples.Base64Url(58) + "T3BlbkFJ" + Samples.Base64Url(58) + "\")";
        yield return "openai.api_key = 'sk-" + Samples.AlphaNumeric(20) + "T3BlbkFJ" + Samples.AlphaNumeric(20) + "'";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "OPENAI_API_KEY=sk-proj-...";
        yield return "client = OpenAI(api_key=os.environ[\"OPENAI_API_KEY\"])";
        yield return "OPENAI_API_KEY=sk-" + Samples.AlphaNumeric(48);
        yield return "OPENAI_API_KEY=sk-proj-" + new string('x', 40) + "T3BlbkFJ" + new string('x', 40);
    }
}
