using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC168: <c>requirepass</c> / <c>masterauth</c> in redis.conf or on a <c>redis-server</c> command line with a literal password.</summary>
public sealed partial class RedisConfigPassword : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC168",
        Name: "redis-config-password",
        Title: "Redis requirepass or masterauth password",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds Redis server passwords set with requirepass or masterauth in redis.conf, Helm values or a redis-server command line. "
            + "Anyone with the password can read and change all data in the instance and, through CONFIG and MODULE commands, often the host.",
        Remediation = "Set a new password (CONFIG SET requirepass, or ACL users), update clients, and load the value from a secret (for example `--requirepass \"$REDIS_PASSWORD\"` or an ACL file mounted at run time).",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["requirepass", "masterauth"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?:(?m:^)[ \t]*|--)(?:requirepass|masterauth)[ \t]+[""']?(?<secret>[^\s""'#$][^\s""']{3,255})",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) => UrlCredentials.IsRealCredential("", secret, "redis");

    public override IEnumerable<string> TruePositives()
    {
        yield return "requirepass " + GenericSecretAssignment.SampleValue(32);
        yield return "command: redis-server --appendonly yes --requirepass \"" + GenericSecretAssignment.SampleValue(24) + "\"";
        yield return "masterauth " + GenericSecretAssignment.SampleValue(20);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "# requirepass foobared";
        yield return "command: redis-server --requirepass ${REDIS_PASSWORD}";
        yield return "requirepass <password>";
    }
}
