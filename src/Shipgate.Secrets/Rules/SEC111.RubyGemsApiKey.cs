using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC111: RubyGems.org API keys: <c>rubygems_</c> + 48 hexadecimal characters.</summary>
public sealed partial class RubyGemsApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC111",
        Name: "rubygems-api-key",
        Title: "RubyGems API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:rubygems-api-token"],
        Description = "Finds RubyGems.org API keys (rubygems_ followed by 48 hexadecimal characters), for example in ~/.gem/credentials or GEM_HOST_API_KEY. "
            + "A key with push scope publishes new versions of every gem the owner maintains.",
        Remediation = "Delete the key at rubygems.org > Settings > API keys, use trusted publishing from CI, or a key scoped to one gem with MFA enforced.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["rubygems_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])rubygems_[a-f0-9]{48}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "---\n:rubygems_api_key: rubygems_" + Samples.Hex(48);
        yield return "GEM_HOST_API_KEY=\"rubygems_" + Samples.Hex(48) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "GEM_HOST_API_KEY=${{ secrets.RUBYGEMS_API_KEY }}";
        yield return "GEM_HOST_API_KEY=rubygems_" + new string('0', 48);
        yield return "GEM_HOST_API_KEY=rubygems_" + Samples.Hex(47);
    }
}
