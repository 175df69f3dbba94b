using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC050: stripe test-mode secret key (<c>sk_test_</c>).</summary>
public sealed partial class StripeTestSecretKey() : StripeKeyPattern("sk_test_")
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC050",
        Name: "stripe-test-secret-key",
        Title: "Stripe test-mode secret key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Low,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:stripe-access-token"],
        Description = "Detects Stripe test-mode secret and restricted keys (sk_test_, rk_test_). Test keys cannot move real money, "
            + "but they expose the test data and configuration of the account (webhook endpoints, products, Connect settings) "
            + "and their presence in code usually means the live key is handled the same way.",
        Remediation = "Roll the test key in the Stripe Dashboard (Developers > API keys, test mode) and load Stripe keys of both "
            + "modes from environment variables or a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sk_test_", "rk_test_"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])[rs]k_test_[A-Za-z0-9]{24,247}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
