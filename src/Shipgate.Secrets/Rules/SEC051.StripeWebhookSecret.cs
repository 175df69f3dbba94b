using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC051: a Stripe (or Svix-style) webhook signing secret (<c>whsec_</c>).</summary>
public sealed partial class StripeWebhookSecret : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC051",
        Name: "stripe-webhook-secret",
        Title: "Stripe webhook signing secret",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Description = "Detects webhook signing secrets with the whsec_ prefix used by Stripe (and by Svix-based webhook providers). "
            + "The secret does not call the API, but it lets an attacker forge correctly signed events, such as "
            + "payment_intent.succeeded, that your webhook endpoint will trust.",
        Remediation = "Roll the endpoint's signing secret in the Stripe Dashboard (Developers > Webhooks > the endpoint > Roll "
            + "secret), deploy the new value from a secret store, and keep verifying signatures and timestamps.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["whsec_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    public override IEnumerable<string> TruePositives()
    {
        yield return "STRIPE_WEBHOOK_SECRET=whsec_" + TokenFormats.Mixed(32);
        yield return "endpoint_secret = 'whsec_" + TokenFormats.Mixed(32) + "'";
        yield return "SVIX_SECRET=whsec_" + TokenFormats.Base64OfBytes(24);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "STRIPE_WEBHOOK_SECRET=whsec_" + new string('x', 32);
        yield return "STRIPE_WEBHOOK_SECRET=whsec_...";
        yield return "STRIPE_WEBHOOK_SECRET=whsec_" + TokenFormats.Mixed(20);
        yield return "id = mywhsec_" + TokenFormats.Mixed(32);
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/]{32,88}={0,2}(?![A-Za-z0-9_+/=])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
