using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>
/// What Stripe's API-key rules (SEC048–SEC050) share: the key shape (a mode prefix, then 24 to 247 alphanumerics), the
/// entropy floor, and the true- and false-positive samples, written for the rule's prefix. Each rule keeps its own
/// metadata, keywords and pattern.
/// </summary>
public abstract class StripeKeyPattern : SecretPattern
{
    private readonly string prefix;

    /// <param name="prefix">The prefix the samples use, such as <c>sk_live_</c>.</param>
    protected StripeKeyPattern(string prefix) => this.prefix = prefix;

    public override double? MinEntropy => 3.5;

    public override IEnumerable<string> TruePositives()
    {
        yield return "STRIPE_API_KEY=" + Sample();
        yield return "Stripe.api_key = \"" + Sample() + "\"";
        yield return "curl https://api.stripe.com/v1/charges -u " + Sample() + ":";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "STRIPE_API_KEY=" + prefix + new string('x', 24);
        yield return "STRIPE_API_KEY=" + prefix + TokenFormats.Mixed(20);
        yield return "id = my" + prefix + TokenFormats.Mixed(24);
        yield return "STRIPE_API_KEY=process.env.STRIPE_SECRET_KEY";
    }

    private string Sample() => prefix + "51" + TokenFormats.Mixed(97);
}
