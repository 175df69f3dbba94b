using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC048: stripe live secret key (<c>sk_live_</c>).</summary>
public sealed partial class StripeSecretKey() : StripeKeyPattern("sk_live_")
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC048",
        Name: "stripe-secret-key",
        Title: "Stripe live secret key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:stripe-access-token"],
        Description = "Detects Stripe live-mode secret API keys (sk_live_ followed by 24 to 247 characters). A live secret key has "
            + "unrestricted access to the Stripe account: it can create charges and refunds, read customer and payment data, "
            + "and change payouts, so it is effectively the root credential of the payments account.",
        Remediation = "Roll the key in the Stripe Dashboard (Developers > API keys > Roll key, optionally with a short expiry for the "
            + "old one), review the request logs for unknown use, and move to restricted keys loaded from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sk_live_"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])sk_live_[A-Za-z0-9]{24,247}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
