using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC130: Hugging Face user access tokens: <c>hf_</c> + 34 letters.</summary>
public sealed partial class HuggingFaceAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC130",
        Name: "huggingface-access-token",
        Title: "Hugging Face access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:huggingface-access-token"],
        Description = "Finds Hugging Face user access tokens (hf_ followed by 34 mixed-case letters). "
            + "A write token can push to the user's and organizations' models, datasets and Spaces, and any token reads their private and gated repositories.",
        Remediation = "Invalidate the token at huggingface.co/settings/tokens, create a fine-grained token with only the repositories it needs, and pass it via HF_TOKEN from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["hf_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match) => secret.Skip(3).Any(char.IsAsciiLetterUpper) && secret.Skip(3).Any(char.IsAsciiLetterLower);

    public override IEnumerable<string> TruePositives()
    {
        yield return "HF_TOKEN=hf_" + Samples.From(Samples.Upper + Samples.Lower, 32) + "Qz";
        yield return "huggingface-cli login --token hf_" + Samples.From(Samples.Upper + Samples.Lower, 32) + "aB";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        yield return "from huggingface_hub import hf_hub_download";
        yield return "HF_TOKEN=hf_" + Samples.From(Samples.Lower, 34);
        yield return "HF_TOKEN=hf_" + Samples.From(Samples.Upper + Samples.Lower, 20);
    }
}
