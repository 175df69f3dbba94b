using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC049: stripe live restricted key (<c>rk_live_</c>).</summary>
public sealed partial class StripeRestrictedKey : SecretPattern
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

    public override double? MinEntropy => 3.5;

    public override IEnumerable<string> TruePositives()
    {
        yield return "STRIPE_API_KEY=" + Sample();
        yield return "Stripe.api_key = \"" + Sample() + "\"";
        yield return "curl https://api.stripe.com/v1/charges -u " + Sample() + ":";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "STRIPE_API_KEY=rk_live_" + new string('x', 24);
        yield return "STRIPE_API_KEY=rk_live_" + TokenFormats.Mixed(20);
        yield return "id = myrk_live_" + TokenFormats.Mixed(24);
        yield return "STRIPE_API_KEY=process.env.STRIPE_SECRET_KEY";
    }

    private static string Sample() => "rk_live_51" + TokenFormats.Mixed(97);

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])rk_live_[A-Za-z0-9]{24,247}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
