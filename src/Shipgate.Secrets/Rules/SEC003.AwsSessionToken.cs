using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC003: an AWS STS session token, by its encoded prefix or an AWS session-token key name.</summary>
public sealed partial class AwsSessionToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC003",
        Name: "aws-session-token",
        Title: "AWS session token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Description = "Detects AWS STS session tokens: long base64 values that start with the encoded IQoJb3JpZ2luX2Vj (or older "
            + "FwoGZXIvYXdz) header, or that are assigned to aws_session_token, sessionToken or X-Amz-Security-Token. With the "
            + "matching ASIA key id and secret they act as the assumed role until they expire, which can be up to 36 hours.",
        Remediation = "Revoke the role's active sessions (IAM console: Revoke active sessions, which adds a deny for tokens issued "
            + "before now) and rotate whatever long-lived credential minted them. Never persist session tokens; request them at run time.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } =
        ["session_token", "sessiontoken", "security-token", "security_token", "iqojb3jpz2lux2vj", "fwogzxivyxdz", "fqogzxivyxdz"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.5;

    /// <summary>Only the head is checked: a chance placeholder word deep inside 600 characters of base64 means nothing.</summary>
    public override bool IsPlaceholder(string secret) => Placeholders.LooksLikePlaceholder(secret[..Math.Min(64, secret.Length)]);

    public override IEnumerable<string> TruePositives()
    {
        yield return "aws_session_token = " + TokenFormats.AwsSessionToken();
        yield return "\"SessionToken\": \"" + TokenFormats.AwsSessionToken() + "\"";
        yield return "export AWS_SESSION_TOKEN=" + TokenFormats.AwsSessionToken();
        yield return "https://bucket.s3.amazonaws.com/report.csv?X-Amz-Security-Token="
            + Uri.EscapeDataString(TokenFormats.AwsSessionToken()) + "&X-Amz-Expires=3600";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "aws_session_token = ${AWS_SESSION_TOKEN}";
        yield return "session_token = \"" + TokenFormats.Base64OfBytes(30) + "\"";
        yield return "aws_session_token = " + new string('x', 300);
        yield return "sessionToken: " + TokenFormats.Jwt("{\"alg\":\"HS256\"}", "{\"sub\":\"42\"}");
    }

    [GeneratedRegex(
        """(?i:session[_.-]?token|x-amz-security-token|security[_.-]?token)["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[A-Za-z0-9/+]{100,3000}={0,2})(?![A-Za-z0-9/+=%])|(?<![A-Za-z0-9/+])(?<secret>(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+]{100,3000}={0,2})(?![A-Za-z0-9/+=%])|(?i:x-amz-security-token)=(?<secret>(?:[A-Za-z0-9]|%2[BFbf]|%3[Dd]){100,4000})""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
