using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC123: Doppler service tokens (<c>dp.st.</c>), service account (<c>dp.sa.</c>), SCIM (<c>dp.scim.</c>) and audit (<c>dp.audit.</c>) tokens.</summary>
public sealed partial class DopplerServiceToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC123",
        Name: "doppler-service-token",
        Title: "Doppler service, service account, SCIM or audit token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds Doppler machine tokens: service tokens (dp.st., optionally with the config slug), service account tokens (dp.sa.), SCIM tokens (dp.scim.) and audit tokens (dp.audit.). "
            + "A service token reads every secret of its config; SCIM tokens manage workplace users.",
        Remediation = "Revoke the token in Doppler (config Access tab, service account page, or SCIM settings) and inject a new one from the CI secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["dp.st.", "dp.sa.", "dp.scim.", "dp.audit."];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_.-])dp\.(?:st|sa|scim|audit)\.(?:[a-z0-9_-]{1,32}\.)?[A-Za-z0-9]{40,44}(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "DOPPLER_TOKEN=dp.st.prd." + Samples.AlphaNumeric(43);
        yield return "doppler_token: \"dp.sa." + Samples.AlphaNumeric(43) + "\"";
        yield return "SCIM_TOKEN=dp.scim." + Samples.AlphaNumeric(43);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "DOPPLER_TOKEN=dp.st.${ENV}.${TOKEN}";
        yield return "DOPPLER_TOKEN=dp.st.dev." + new string('0', 43);
        yield return "DOPPLER_TOKEN=dp.st." + Samples.AlphaNumeric(12);
    }
}
