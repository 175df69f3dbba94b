using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC122: Doppler personal (<c>dp.pt.</c>) and CLI (<c>dp.ct.</c>) tokens.</summary>
public sealed partial class DopplerPersonalToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC122",
        Name: "doppler-personal-token",
        Title: "Doppler personal or CLI token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:doppler-api-token"],
        Description = "Finds Doppler personal tokens (dp.pt.) and CLI tokens (dp.ct.). "
            + "They act as the user across every workplace project and config the user can see, including production secrets.",
        Remediation = "Revoke the token in the Doppler dashboard (Tokens page) or with `doppler configure unset token` and `doppler logout`, and give CI a service token or service account scoped to one config.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["dp.pt.", "dp.ct."];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_.-])dp\.(?:pt|ct)\.[A-Za-z0-9]{40,44}(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "DOPPLER_TOKEN=dp.pt." + Samples.AlphaNumeric(43);
        yield return "doppler configure set token dp.ct." + Samples.AlphaNumeric(43);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "DOPPLER_TOKEN=${{ secrets.DOPPLER_TOKEN }}";
        yield return "DOPPLER_TOKEN=dp.pt." + new string('x', 43);
        yield return "DOPPLER_TOKEN=dp.pt." + Samples.AlphaNumeric(20);
    }
}
