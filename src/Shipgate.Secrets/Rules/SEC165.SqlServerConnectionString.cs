using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC165: SQL Server / ADO.NET connection strings with <c>Server=</c> or <c>Data Source=</c> and a literal <c>Password=</c>.</summary>
public sealed partial class SqlServerConnectionString : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC165",
        Name: "sqlserver-connection-string",
        Title: "SQL Server connection string with password",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds SQL Server (ADO.NET, Azure SQL) connection strings with Server= or Data Source= and a literal Password=, such as appsettings.json, web.config and scripts. "
            + "The password gives direct database access; sa passwords give control of the whole instance.",
        Remediation = "Change the SQL login's password or switch to Microsoft Entra authentication with managed identity, and keep secrets out of the connection string in source.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["password="];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?i)(?<![A-Za-z])(?:Password)[ \t]*=[ \t]*(?<secret>[^;""'\r\n]{1,128})(?:(?<=(?<![A-Za-z])(?:Server|Data Source|Address|Addr|Network Address)[ \t]*=[^""'\r\n]{1,700})|(?=;[^""'\r\n]{0,400}?(?<![A-Za-z])(?:Server|Data Source|Address|Addr|Network Address)[ \t]*=))",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) => ConnectionStringPassword.IsLiteral(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "\"Sql\": \"Server=tcp:corp-sql.database.windows.net,1433;Initial Catalog=billing;User ID=billing_app;Password=" + GenericSecretAssignment.SampleValue(24) + ";Encrypt=True;\"";
        yield return "<add name=\"Main\" connectionString=\"Data Source=SQL01;Initial Catalog=Erp;User Id=erp;Password=" + GenericSecretAssignment.SampleValue(16) + "\" />";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "\"Sql\": \"Server=(localdb)\\\\mssqllocaldb;Database=App;Trusted_Connection=True;\"";
        yield return "\"Sql\": \"Server=sql;Database=App;User Id=sa;Password=#{SqlPassword}#;\"";
        yield return "\"Sql\": \"Server=sql;Database=App;User Id=sa;Password=<YourStrong@Passw0rd>;\"";
        yield return "\"Sql\": \"Server=sql;Database=App;User Id=sa;Password=$(SA_PASSWORD);\"";
        yield return "Finds strings with Server= or Data Source= and a literal Password=, such as appsettings.json and web.config.";
    }
}
