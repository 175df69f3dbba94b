using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC125: 1Password account Secret Keys (<c>A3-XXXXXX-…</c>), the second factor of account unlock.</summary>
public sealed partial class OnePasswordSecretKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC125",
        Name: "onepassword-secret-key",
        Title: "1Password account Secret Key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:1password-secret-key"],
        Description = "Finds 1Password Secret Keys, the 34-character A3- key that, together with the account password, derives the key that decrypts an account. "
            + "Exposure removes one of the two factors protecting every vault of that account.",
        Remediation = "Regenerate the Secret Key in 1Password (Profile > Secret Key > Regenerate), change the account password as a precaution, and keep the Emergency Kit offline.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["A3-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9-])A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}(?![A-Za-z0-9-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "OP_SECRET_KEY=A3-" + Samples.UpperAlphaNumeric(6) + "-" + Samples.UpperAlphaNumeric(11) + "-" + Samples.UpperAlphaNumeric(5) + "-" + Samples.UpperAlphaNumeric(5) + "-" + Samples.UpperAlphaNumeric(5);
        yield return "secret_key: A3-" + Samples.UpperAlphaNumeric(6) + "-" + Samples.UpperAlphaNumeric(6) + "-" + Samples.UpperAlphaNumeric(5) + "-" + Samples.UpperAlphaNumeric(5) + "-" + Samples.UpperAlphaNumeric(5) + "-" + Samples.UpperAlphaNumeric(5);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "OP_SECRET_KEY=A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX";
        yield return "OP_SECRET_KEY=A3-" + Samples.UpperAlphaNumeric(6) + "-" + Samples.UpperAlphaNumeric(5);
        yield return "part number A3-100200-300400-50060-70080-90010-11012";
    }
}
