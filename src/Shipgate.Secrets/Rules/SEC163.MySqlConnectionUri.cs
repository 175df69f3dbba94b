using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC163: <c>mysql://</c>, <c>mariadb://</c> and <c>mysql+driver://</c> URIs with a literal password.</summary>
public sealed partial class MySqlConnectionUri : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC163",
        Name: "mysql-connection-uri",
        Title: "MySQL or MariaDB connection URI with password",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds MySQL and MariaDB connection URIs with a literal password (mysql://user:password@host, mariadb://, mysql+pymysql:// and similar). "
            + "The password opens the database to anyone who can reach it.",
        Remediation = "Change the MySQL user's password, and assemble the URI at run time from a secret store value.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["mysql", "mariadb"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<=(?<![A-Za-z0-9+.-])(?i:(?:mysql|mariadb)(?:\+[a-z0-9]+)?|mysqlx))://(?<user>[^\s:@/""'`<>{}$]{0,128}):(?<secret>[^\s@/""'`<>]{1,256})@(?<host>[A-Za-z0-9.\[\]_-]{1,253})",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) =>
        UrlCredentials.IsRealCredential(match.Groups["user"].Value, secret, match.Groups["host"].Value);

    public override IEnumerable<string> TruePositives()
    {
        yield return "DATABASE_URL=mysql://shop:" + GenericSecretAssignment.SampleValue(22) + "@mysql.internal:3306/shop";
        yield return "engine = create_engine(\"mysql+pymysql://etl:" + GenericSecretAssignment.SampleValue(18) + "@10.0.3.7/warehouse\")";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "DATABASE_URL=mysql://root:root@127.0.0.1:3306/test";
        yield return "DATABASE_URL=mysql://shop:${MYSQL_PASSWORD}@mysql:3306/shop";
        yield return "DATABASE_URL=mysql://user:password@example.com/db";
    }
}
