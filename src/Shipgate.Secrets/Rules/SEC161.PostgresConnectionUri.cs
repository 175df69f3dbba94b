using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC161: <c>postgres://</c> / <c>postgresql://</c> (and SQLAlchemy <c>postgresql+driver://</c>) URIs with a literal password.</summary>
public sealed partial class PostgresConnectionUri : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC161",
        Name: "postgres-connection-uri",
        Title: "PostgreSQL connection URI with password",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds PostgreSQL connection URIs with a literal password (postgres://user:password@host, including SQLAlchemy driver variants). "
            + "The password gives direct database access, usually to production data, from anywhere the database is reachable.",
        Remediation = "Change the database user's password, and build the URI at run time from a password in a secret store, or use IAM/certificate authentication.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["postgres"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<=(?<![A-Za-z0-9+.-])(?i:postgres(?:ql)?(?:\+[a-z0-9]+)?))://(?<user>[^\s:@/""'`<>{}$]{0,128}):(?<secret>[^\s@/""'`<>]{1,256})@(?<host>[A-Za-z0-9.\[\]_-]{1,253})",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) =>
        UrlCredentials.IsRealCredential(match.Groups["user"].Value, secret, match.Groups["host"].Value);

    public override IEnumerable<string> TruePositives()
    {
        yield return "DATABASE_URL=postgres://app:" + GenericSecretAssignment.SampleValue(24) + "@db.internal:5432/app";
        yield return "SQLALCHEMY_DATABASE_URI = \"postgresql+psycopg2://reporting:" + GenericSecretAssignment.SampleValue(20) + "@10.1.2.3/analytics\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app";
        yield return "DATABASE_URL=postgres://postgres:postgres@localhost:5432/postgres";
        yield return "DATABASE_URL=postgresql://user:password@host:5432/dbname";
        yield return "DATABASE_URL=postgres://app@db.internal:5432/app";
    }
}
