using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC160: <c>scheme://user:password@host</c> for HTTP, FTP, AMQP, SMTP, LDAP, IMAP, SSH and similar schemes.</summary>
public sealed partial class UrlCredentials : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC160",
        Name: "url-credentials",
        Title: "Password in a URL",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = [],
        Description = "Finds credentials embedded in URLs (scheme://user:password@host) for HTTP, Git, FTP, AMQP, SMTP, LDAP, IMAP, MQTT, SSH and similar schemes. "
            + "URLs travel widely, into logs, error messages, browser history and proxy caches, so an embedded password leaks far beyond the file.",
        Remediation = "Change the password or token, remove it from the URL, and supply it separately: a credential helper for Git, environment variables or a secret store for services.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override bool IsGeneric => true;

    public override IReadOnlyList<string> Keywords { get; } = ["://"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<=(?<![A-Za-z0-9+.-])(?i:https?|ftps?|sftp|amqps?|smtps?|ldaps?|imaps?|pop3s?|ssh|git|svn\+ssh|svn|wss?|mqtts?|nats|rtsp|socks5h?|socks4|nntp|telnet))://(?<user>[^\s:@/""'`<>{}$]{1,128}):(?<secret>[^\s@/""'`<>]{1,256})@(?<host>[A-Za-z0-9.\[\]_-]{1,253})",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) =>
        UrlCredentials.IsRealCredential(match.Groups["user"].Value, secret, match.Groups["host"].Value);

    private static readonly string[] StockPasswords =
    [
        "password", "passwd", "pass", "pwd", "secret", "token", "changeme", "test", "testing", "example", "demo", "admin", "root",
        "guest", "postgres", "mysql", "redis", "mongo", "sa", "user", "username", "foobar", "xxx", "xxxx", "x-oauth-basic", "anonymous",
        "tiger", "foobared",
    ];

    /// <summary>
    /// Shared by the URL and connection-string rules: the password is literal (not <c>$VAR</c>, <c>%s</c>,
    /// <c>{0}</c>, a mask, a truncation or a stock word), differs from the user name, the user is not a stock
    /// documentation name (<c>user</c>, <c>username</c>) and the host is not a documentation domain.
    /// </summary>
    internal static bool IsRealCredential(string user, string password, string host)
    {
        password = password.TrimEnd('\\');
        if (password.Length == 0 || password.Contains('\u2026', StringComparison.Ordinal) || password.Contains("...", StringComparison.Ordinal)
            || "$%{[<*#&!".Contains(password[0], StringComparison.Ordinal) || password.StartsWith("__", StringComparison.Ordinal)
            || password.Contains("%s", StringComparison.Ordinal) || password.Contains("{}", StringComparison.Ordinal)
            || password.Contains("${", StringComparison.Ordinal) || password.Contains("$(", StringComparison.Ordinal))
        {
            return false;
        }

        var lower = password.ToLowerInvariant();
        if (Array.IndexOf(StockPasswords, lower) >= 0 || string.Equals(user, password, StringComparison.OrdinalIgnoreCase) || lower.Distinct().Count() <= 2)
        {
            return false;
        }

        var u = user.ToLowerInvariant();
        if (u is "user" or "username" or "login" or "name" or "someone" or "myuser" or "your-user" or "your_user")
        {
            return false;
        }

        var h = host.ToLowerInvariant().TrimEnd('.');
        var documentation = h is "example.com" or "example.org" or "example.net" or "host" or "hostname" or "server" or "domain.com" or "yourdomain.com"
            || h.EndsWith(".example.com", StringComparison.Ordinal) || h.EndsWith(".example.org", StringComparison.Ordinal)
            || h.EndsWith(".example", StringComparison.Ordinal) || h.EndsWith(".invalid", StringComparison.Ordinal) || h.EndsWith(".test", StringComparison.Ordinal);
        return !documentation;
    }

    public override IEnumerable<string> TruePositives()
    {
        yield return "git clone https://deploy:" + GenericSecretAssignment.SampleValue(20) + "@git.corp.local/platform/infra.git";
        yield return "AMQP_URL=amqps://orders:" + GenericSecretAssignment.SampleValue(24) + "@rabbit.internal:5671/prod";
        yield return "proxy: http://svc-proxy:" + GenericSecretAssignment.SampleValue(16) + "@10.0.0.12:3128";
        yield return "SMTP_URL=smtp://mailer%40corp.local:" + GenericSecretAssignment.SampleValue(18) + "@smtp.mailgun.org:587";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "https://user:password@example.com/path";
        yield return "git clone https://x-access-token:${GITHUB_TOKEN}@github.com/org/repo.git";
        yield return "https://oauth2:$CI_JOB_TOKEN@gitlab.corp.local/group/project.git";
        yield return "http://admin:@localhost:8080/";
        yield return "amqp://guest:guest@localhost:5672/";
        yield return "url = \"https://%s:%s@%s\" % (user, password, host)";
        yield return "https://{username}:{password}@registry.corp.local";
    }
}
