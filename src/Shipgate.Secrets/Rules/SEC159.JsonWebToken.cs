using System.Buffers.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC159: Signed JSON Web Tokens: three base64url parts whose header and payload decode to JSON and whose algorithm is not <c>none</c>.</summary>
public sealed partial class JsonWebToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC159",
        Name: "json-web-token",
        Title: "Signed JSON Web Token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:jwt"],
        Description = "Finds signed JSON Web Tokens: three base64url segments whose header and payload decode to JSON objects and whose alg is not none. "
            + "A bearer JWT is a ready-to-use credential until it expires, and tokens committed to repositories are often long-lived service tokens.",
        Remediation = "Revoke the session or rotate the signing key that issued the token, give machine tokens short lifetimes, and fetch them at run time instead of storing them.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["eyJ"];

    public override Regex Pattern => Token;

    public override int WindowBefore => 8192;

    public override int WindowAfter => 8192;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}\.ey[A-Za-z0-9_-]{8,16384}\.[A-Za-z0-9_-]{16,1024}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    /// <summary>
    /// Reporting policy: a JWT is reported when its header is a JSON object with a string <c>alg</c> other than
    /// <c>none</c> and its payload is a JSON object. Unsigned tokens prove nothing and are test data; the jwt.io
    /// sample and public Supabase anon keys are skipped; provider tokens with their own rule are left to it.
    /// Expiry is not checked, so results do not change with the clock.
    /// </summary>
    public override bool IsValid(string secret, Match match)
    {
        if (!TryDecode(secret, out var header, out var payload))
        {
            return false;
        }

        var alg = StringClaim(header, "alg");
        if (alg is null || alg.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var documentationSample = (StringClaim(payload, "sub") == "1234567890" && StringClaim(payload, "name") == "John Doe")
            || StringClaim(payload, "some") == "payload";
        var ownRule = IsAuth0ManagementToken(payload) || IsSupabaseKey(payload, "service_role");
        var publicKey = IsSupabaseKey(payload, "anon");
        return !documentationSample && !ownRule && !publicKey;
    }

    /// <summary>Decodes the header and payload of a compact JWT into JSON objects.</summary>
    internal static bool TryDecode(string token, out JsonElement header, out JsonElement payload)
    {
        payload = default;
        var parts = token.Split('.');
        return parts.Length == 3 & TryParseObject(parts[0], out header) && TryParseObject(parts[1], out payload);
    }

    internal static string? StringClaim(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>An Auth0 Management API token: issued by an auth0.com tenant for its <c>/api/v2/</c> audience.</summary>
    internal static bool IsAuth0ManagementToken(JsonElement payload)
    {
        var issuer = StringClaim(payload, "iss");
        if (issuer is null || !Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || !uri.Host.EndsWith(".auth0.com", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!payload.TryGetProperty("aud", out var audience))
        {
            return false;
        }

        var audiences = audience.ValueKind == JsonValueKind.Array
            ? audience.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString() ?? "")
            : audience.ValueKind == JsonValueKind.String ? [audience.GetString() ?? ""] : [];
        return audiences.Any(a => a.EndsWith("/api/v2/", StringComparison.Ordinal));
    }

    /// <summary>A Supabase project API key with the given role (<c>anon</c> or <c>service_role</c>).</summary>
    internal static bool IsSupabaseKey(JsonElement payload, string role)
    {
        var issuer = StringClaim(payload, "iss") ?? "";
        var fromSupabase = issuer == "supabase" || issuer.Contains(".supabase.co", StringComparison.OrdinalIgnoreCase);
        return fromSupabase && StringClaim(payload, "role") == role;
    }

    /// <summary>A compact JWT with the given payload JSON and a random signature, generated now.</summary>
    internal static string Sample(string payloadJson, string alg = "HS256") =>
        Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}")) + "."
        + Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payloadJson)) + "."
        + Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static bool TryParseObject(string segment, out JsonElement element)
    {
        element = default;
        if (!Base64Url.IsValid(segment))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(segment));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public override IEnumerable<string> TruePositives()
    {
        yield return "Authorization: Bearer " + Sample("{\"sub\":\"svc-billing\",\"scope\":\"invoices:write\",\"iat\":1700000000,\"exp\":1900000000}");
        yield return "API_TOKEN=" + Sample("{\"iss\":\"https://auth.corp.local\",\"sub\":\"" + Samples.Uuid() + "\",\"role\":\"admin\"}", "RS256");
        yield return "{ \"access_token\": \"" + Sample("{\"user_id\":" + Samples.From("123456789", 1) + Samples.From(Samples.Digits, 5) + ",\"admin\":true}", "ES256") + "\" }";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token = " + Base64Url.EncodeToString("{\"alg\":\"none\"}"u8) + "." + Base64Url.EncodeToString("{\"sub\":\"42\",\"admin\":true}"u8) + "." + Samples.Base64Url(20);
        yield return "Authorization: Bearer " + Sample("{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}");
        yield return "token = eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0";
        yield return "token = eyJub3RqdXN0.eyJzb21ldGhpbmc.c2lnbmF0dXJlaGVyZXNpZ25hdHVyZQ";
        yield return "SUPABASE_ANON_KEY=" + SupabaseServiceRoleKey.Sample("anon");
    }
}
