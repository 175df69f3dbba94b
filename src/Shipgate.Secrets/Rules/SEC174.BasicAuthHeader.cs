using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC174: <c>Authorization: Basic &lt;base64&gt;</c> whose value decodes to <c>user:password</c>.</summary>
public sealed partial class BasicAuthHeader : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC174",
        Name: "basic-auth-header",
        Title: "HTTP Basic credentials in an Authorization header",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds HTTP Basic credentials written into an Authorization header (curl -H, HTTP client code, proxy configuration) and decodes them to confirm a user:password pair. "
            + "The base64 value is the password in reversible form.",
        Remediation = "Change the password of the account, and build the header at run time from a secret variable or use the client's own credential option.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override bool IsGeneric => true;

    public override IReadOnlyList<string> Keywords { get; } = ["basic"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?i:authorization)[""']?(?:\s{0,3}[:=,]\s{0,3}|[ \t]{1,3})[""'`]?(?i:basic)[ \t]+(?<secret>[A-Za-z0-9+/]{8,2048}={0,2})(?![A-Za-z0-9+/=])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match) => TryDecodeCredentials(secret, out _, out _);

    /// <summary>
    /// Decodes base64 <c>user:password</c> (used by HTTP Basic, .npmrc <c>_auth</c> and Docker <c>config.json</c>) and
    /// accepts it only when both halves are present, printable and the password is not a placeholder or the user name.
    /// </summary>
    internal static bool TryDecodeCredentials(string base64, out string user, out string password)
    {
        user = "";
        password = "";
        var padded = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return false;
        }

        string text;
        try
        {
            text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1 || text.Any(char.IsControl))
        {
            return false;
        }

        user = text[..colon];
        password = text[(colon + 1)..];
        return password.Length >= 4 && !string.Equals(user, password, StringComparison.OrdinalIgnoreCase) && !GenericSecretAssignment.IsDocumentationValue(password)
            && !Placeholders.LooksLikePlaceholder(password) && !IsStockPassword(password);
    }

    private static bool IsStockPassword(string password) =>
        password.ToLowerInvariant() is "password" or "passwd" or "pass" or "secret" or "pwd" or "token" or "apikey" or "api_key";

    /// <summary>A base64 <c>user:password</c> pair generated now.</summary>
    internal static string SampleCredentials() =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("svc-" + Samples.From(Samples.Lower, 6) + ":" + GenericSecretAssignment.SampleValue(24)));

    public override IEnumerable<string> TruePositives()
    {
        yield return "curl -H \"Authorization: Basic " + SampleCredentials() + "\" https://ci.corp.local/api/json";
        yield return "headers = {\"Authorization\": \"Basic " + SampleCredentials() + "\"}";
        yield return "proxy_set_header Authorization \"Basic " + SampleCredentials() + "\";";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "curl -H \"Authorization: Basic $(echo -n \"$USER:$PASS\" | base64)\" https://ci.corp.local";
        yield return "Authorization: Basic " + Convert.ToBase64String("Aladdin:open sesame"u8.ToArray()).Replace("=", "", StringComparison.Ordinal)[..8];
        yield return "Authorization: Basic " + Convert.ToBase64String("admin:password"u8.ToArray());
        yield return "Authorization: Basic ${BASIC_AUTH}";
    }
}
