using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC049: stripe live restricted key (<c>rk_live_</c>).</summary>
public sealed partial class StripeRestrictedKey() : StripeKeyPattern("rk_live_")
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC049",
        Name: "stripe-restricted-key",
        Title: "Stripe live restricted key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:stripe-access-token"],
        Description = "Detects Stripe live-mode restricted API keys (rk_live_ followed by 24 to 247 characters). Restricted keys "
            + "carry only the permissions chosen when they were created, but those commonly include reading customers, "
            + "charges or payouts in the live account.",
        Remediation = "Roll or delete the key in the Stripe Dashboard (Developers > API keys), review its request log, and issue a "
            + "new restricted key with the minimum permissions, stored in a secret manager.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["rk_live_"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])rk_live_[A-Za-z0-9]{24,247}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
