using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC169: JDBC URLs with a literal <c>password=</c> parameter, or Oracle thin <c>user/password@</c> credentials.</summary>
public sealed partial class JdbcConnectionPassword : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC169",
        Name: "jdbc-connection-password",
        Title: "Password in a JDBC URL",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds JDBC URLs that carry a literal password, either as a password= (or pwd=) parameter (PostgreSQL, MySQL, SQL Server and others) or as Oracle thin user/password@ credentials. "
            + "Spring and Hibernate configuration files commonly hold production URLs.",
        Remediation = "Change the database password, drop it from the URL, and set spring.datasource.password (or equivalent) from an environment variable or secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["jdbc:"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"jdbc:(?:[a-z0-9]{2,20}:){0,2}//[^\s""'<>]{1,300}?[?;&](?i:password|pwd)=(?<secret>[^&;\s""'<>]{1,128})|jdbc:oracle:thin:(?<user>[\w.$#-]{1,64})/(?<secret>[^@\s""'/]{1,128})@",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) => UrlCredentials.IsRealCredential(match.Groups["user"].Value, secret, "db");

    public override IEnumerable<string> TruePositives()
    {
        yield return "spring.datasource.url=jdbc:postgresql://pg.internal:5432/orders?user=orders&password=" + GenericSecretAssignment.SampleValue(20);
        yield return "url = \"jdbc:sqlserver://sql01:1433;databaseName=erp;user=erp;password=" + GenericSecretAssignment.SampleValue(18) + ";encrypt=true\"";
        yield return "jdbc:oracle:thin:scott/" + GenericSecretAssignment.SampleValue(14) + "@//ora.internal:1521/ORCLPDB1";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "spring.datasource.url=jdbc:postgresql://pg.internal:5432/orders";
        yield return "spring.datasource.url=jdbc:mysql://db:3306/app?user=app&password=${DB_PASSWORD}";
        yield return "jdbc:oracle:thin:scott/tiger@localhost:1521:orcl".Replace("tiger", "scott", StringComparison.Ordinal);
    }
}
