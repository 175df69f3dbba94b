using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC164: MySQL / ODBC key-value connection strings with <c>Server=</c> and a literal <c>Pwd=</c>.</summary>
public sealed partial class MySqlConnectionString : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC164",
        Name: "mysql-connection-string",
        Title: "MySQL connection string with password",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds MySQL and ODBC key-value connection strings with Server= (or Host=, Data Source=) and a literal Pwd=. "
            + "ODBC-style SQL Server strings that use Pwd= are reported here too. "
            + "The password gives direct access to the database.",
        Remediation = "Change the database password and supply it at run time from a secret store or environment variable instead of the connection string in source.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["pwd="];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?i)(?<![A-Za-z])(?:Pwd)[ \t]*=[ \t]*(?<secret>[^;""'\r\n]{1,128})(?:(?<=(?<![A-Za-z])(?:Server|Host|Data Source)[ \t]*=[^""'\r\n]{1,700})|(?=;[^""'\r\n]{0,400}?(?<![A-Za-z])(?:Server|Host|Data Source)[ \t]*=))",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) => ConnectionStringPassword.IsLiteral(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "\"Shop\": \"Server=mysql.internal;Port=3306;Database=shop;Uid=shop_app;Pwd=" + GenericSecretAssignment.SampleValue(20) + ";\"";
        yield return "conn = \"Driver={MySQL ODBC 8.0 Driver};Server=10.0.3.7;Database=warehouse;User=etl;Pwd=" + GenericSecretAssignment.SampleValue(16) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "\"Shop\": \"Server=localhost;Database=shop;Uid=root;Pwd=root;\"";
        yield return "\"Shop\": \"Server=mysql;Database=shop;Uid=app;Pwd=$(MYSQL_PASSWORD);\"";
        yield return "\"Shop\": \"Server=mysql;Database=shop;Uid=app;Pwd=;\"";
        yield return "A `;`-separated string with `Server=`/`Host=` and `Pwd=` in either order, with a literal password.";
    }
}
