using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC036: a Bitbucket OAuth consumer (client) secret assigned to a Bitbucket secret name.</summary>
public sealed partial class BitbucketClientSecret : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC036",
        Name: "bitbucket-client-secret",
        Title: "Bitbucket OAuth consumer secret",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:bitbucket-client-secret"],
        Description = "Detects Bitbucket OAuth consumer secrets assigned to a Bitbucket client, consumer or OAuth secret setting "
            + "(BITBUCKET_CLIENT_SECRET, bitbucket_oauth_secret). Bitbucket secrets have no prefix, so the name is required. "
            + "With the consumer key, the secret lets an attacker obtain workspace access tokens through the "
            + "client-credentials grant or impersonate the integration.",
        Remediation = "Delete the OAuth consumer or regenerate its secret under Workspace settings > OAuth consumers, update the "
            + "integration, and store the secret in a secret manager or secured variable.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["bitbucket"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    public override bool IsValid(string secret, Match match) =>
        TokenFormats.HasMixedCase(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "BITBUCKET_CLIENT_SECRET=" + TokenFormats.Mixed(32);
        yield return "bitbucket_oauth_secret: \"" + TokenFormats.Mixed(32) + "\"";
        yield return "\"bitbucketConsumerSecret\": \"" + TokenFormats.Mixed(32) + "\",";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "BITBUCKET_CLIENT_SECRET=${{ secrets.BITBUCKET_CLIENT_SECRET }}";
        yield return "BITBUCKET_CLIENT_ID=" + TokenFormats.Mixed(32);
        yield return "BITBUCKET_CLIENT_SECRET=" + TokenFormats.Mixed(20);
        yield return "bitbucket_client_secret = \"your-bitbucket-client-secret-here\"";
    }

    [GeneratedRegex(
        """(?i:bitbucket[\w.-]{0,30}?(?:client|consumer|oauth)[_.-]?secret\w{0,5})["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[A-Za-z0-9_=-]{32,64})(?![A-Za-z0-9_=-])""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
