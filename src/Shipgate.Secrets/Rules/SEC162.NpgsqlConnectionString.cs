using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC162: Npgsql / libpq key-value connection strings with <c>Host=</c> and a literal <c>Password=</c>.</summary>
public sealed partial class NpgsqlConnectionString : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC162",
        Name: "npgsql-connection-string",
        Title: "PostgreSQL (Npgsql) connection string with password",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds PostgreSQL key-value connection strings (Npgsql, libpq style) that contain Host= and a literal Password=, for example in appsettings.json. "
            + "The password gives direct access to the database.",
        Remediation = "Change the database password, remove it from the connection string, and supply it from user secrets, environment variables or a vault (or use passwordless authentication).",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["host="];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?i)(?<![A-Za-z])(?:Password)[ \t]*=[ \t]*(?<secret>[^;""'\r\n]{1,128})(?:(?<=(?<![A-Za-z])(?:Host)[ \t]*=[^""'\r\n]{1,700})|(?=;[^""'\r\n]{0,400}?(?<![A-Za-z])(?:Host)[ \t]*=))",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) => ConnectionStringPassword.IsLiteral(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "\"Default\": \"Host=pg.internal;Port=5432;Database=orders;Username=orders_app;Password=" + GenericSecretAssignment.SampleValue(22) + "\"";
        yield return "var cs = \"Password=" + GenericSecretAssignment.SampleValue(18) + ";Username=etl;Host=10.0.0.5;Database=dw\";";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "\"Default\": \"Host=localhost;Database=orders;Username=postgres;Password=postgres\"";
        yield return "\"Default\": \"Host=pg;Database=orders;Username=app;Password=${DB_PASSWORD}\"";
        yield return "\"Default\": \"Host=pg;Database=orders;Username=app;Password={0}\"";
        yield return "\"Default\": \"Host=pg;Database=orders;Username=app\"";
    }
}
