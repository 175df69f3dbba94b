namespace Shipgate.Secrets.Rules;

/// <summary>
/// The value test shared by the key-value connection-string rules (SEC162 Npgsql, SEC164 MySQL, SEC165 SQL Server):
/// a literal password, not a template, placeholder, empty value or a fragment of prose that merely mentions
/// <c>Password=</c> (documentation such as "<c>Password=</c> in either order").
/// </summary>
internal static class ConnectionStringPassword
{
    public static bool IsLiteral(string secret)
    {
        var value = secret.Trim();
        if (value.Length < 3 || "`,.;:()'\"".Contains(value[0], StringComparison.Ordinal))
        {
            return false;
        }

        return !IsProse(value) && UrlCredentials.IsRealCredential("", value, "db");
    }

    /// <summary>Two or more spaces between purely alphabetic words reads as a sentence, not a password.</summary>
    private static bool IsProse(string value)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 && words.Count(w => w.All(char.IsAsciiLetter)) >= 2;
    }
}
