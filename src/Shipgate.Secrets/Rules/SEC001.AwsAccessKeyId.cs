using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC001: an AWS access key id (<c>AKIA</c>, <c>ASIA</c>, <c>ABIA</c>, <c>ACCA</c>) on its own.</summary>
public sealed partial class AwsAccessKeyId : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC001",
        Name: "aws-access-key-id",
        Title: "AWS access key id",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:aws-access-token"],
        Description = "Detects AWS access key ids: a four-letter type prefix (AKIA for IAM users, ASIA for temporary STS credentials, "
            + "ABIA and ACCA for service credentials) followed by 16 base32 characters. An id is not usable without its secret "
            + "access key, but it names the IAM principal and almost always means the secret is close by, in this file or its history.",
        Remediation = "Find the matching secret access key and treat the pair as compromised: deactivate and delete the key in IAM, "
            + "create a new one if still needed, and load it from a secret store or use role-based credentials (OIDC, instance roles).",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["akia", "asia", "abia", "acca"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "aws_access_key_id = " + TokenFormats.AwsAccessKeyId("AKIA");
        yield return "\"AccessKeyId\": \"" + TokenFormats.AwsAccessKeyId("ASIA") + "\",";
        yield return "export AWS_ACCESS_KEY_ID=" + TokenFormats.AwsAccessKeyId("AKIA");
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "aws_access_key_id = AKIAIOSFODNN7EXAMPLE";
        yield return "aws_access_key_id = AKIA" + TokenFormats.Random(TokenFormats.AwsKeyIdChars, 15);
        yield return "id: MYAKIA" + TokenFormats.Random(TokenFormats.AwsKeyIdChars, 16);
        yield return "aws_access_key_id = ${AWS_ACCESS_KEY_ID}";
        yield return "aws_access_key_id = AKIAXXXXXXXXXXXXXXXX";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
