using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC167: <c>redis://</c> and <c>rediss://</c> URIs with a literal password (with or without a user name).</summary>
public sealed partial class RedisConnectionUri : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC167",
        Name: "redis-connection-uri",
        Title: "Redis connection URI with password",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds Redis connection URIs with a literal password (redis://:password@host, rediss://user:password@host). "
            + "Redis often caches sessions and tokens; with the password an attacker reads them or uses commands such as CONFIG to pivot.",
        Remediation = "Rotate the Redis password (requirepass or the ACL user), and provide the URI from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["redis"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<=(?<![A-Za-z0-9+.-])(?i:rediss?))://(?<user>[^\s:@/""'`<>{}$]{0,128}):(?<secret>[^\s@/""'`<>]{1,256})@(?<host>[A-Za-z0-9.\[\]_-]{1,253})",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) =>
        UrlCredentials.IsRealCredential(match.Groups["user"].Value, secret, match.Groups["host"].Value);

    public override IEnumerable<string> TruePositives()
    {
        yield return "REDIS_URL=redis://:" + GenericSecretAssignment.SampleValue(24) + "@cache.internal:6379/0";
        yield return "CELERY_BROKER_URL = 'rediss://default:" + GenericSecretAssignment.SampleValue(32) + "@redis-12345.c1.eu-west-1-2.ec2.cloud.redislabs.com:12345'";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "REDIS_URL=redis://cache:6379/0";
        yield return "REDIS_URL=redis://:${REDIS_PASSWORD}@cache:6379/0";
        yield return "REDIS_URL=redis://:password@localhost:6379";
    }
}
