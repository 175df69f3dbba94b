using System.Security.Cryptography;
using System.Text;

namespace Shipgate.Secrets.Detection;

/// <summary>
/// Provider token formats: builders that generate realistic samples at call time (valid checksums, decodable
/// payloads) for rule fixtures, and the structural checks rules run on candidates. Random parts are regenerated
/// until they do not read as a placeholder, so fixtures never flake on a chance <c>todo</c> inside a token.
/// Nothing here is a real credential.
/// </summary>
public static class TokenFormats
{
    /// <summary>The 32 characters of AWS key ids after the four-letter prefix (base32).</summary>
    public const string AwsKeyIdChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>RFC 4648 base32 in lower case: the alphabet of legacy Azure DevOps PATs.</summary>
    public const string Base32Lower = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The characters Entra ID (Azure AD) client secrets are drawn from.</summary>
    public const string EntraSecretChars = Samples.AlphaNumericChars + "_~.-";

    /// <summary>Random text over <paramref name="alphabet"/> that does not read as a placeholder.</summary>
    public static string Random(string alphabet, int length) =>
        length == 0 ? "" : Clean(() => Samples.From(alphabet, length));

    /// <summary>Random base62 text containing upper case, lower case and digits.</summary>
    public static string Mixed(int length) => Clean(() => Shuffle(Samples.Mixed(length)));

    /// <summary>
    /// Random lower-case hex. From 16 characters on, a draw so skewed that it carries under 3 bits of entropy per character
    /// (which rules' entropy floors reject, about one 32-character draw in a few thousand) is drawn again.
    /// </summary>
    public static string Hex(int length) =>
        length < 16 ? Random(Samples.LowerHex, length) : Clean(() => Samples.From(Samples.LowerHex, length), minEntropy: 3.0);

    /// <summary>Random decimal digits without a leading zero.</summary>
    public static string Digits(int length) => Random("123456789", 1) + Random(Samples.Digits, length - 1);

    /// <summary>Random bytes as base64 (standard alphabet, padded).</summary>
    public static string Base64OfBytes(int count) => Clean(() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(count)));

    /// <summary>Random bytes as unpadded base64url.</summary>
    public static string Base64UrlOfBytes(int count) => Clean(() => Base64Url(RandomNumberGenerator.GetBytes(count)));

    /// <summary>Unpadded base64url of <paramref name="bytes"/>.</summary>
    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Changes the last character to a different one of the same class (digit, a–f, other lower, upper), so a
    /// checksum stored at the end no longer matches while the token keeps its shape.
    /// </summary>
    public static string BreakLastCharacter(string token)
    {
        var last = token[^1];
        var replacement = last switch
        {
            >= '0' and <= '8' => (char)(last + 1),
            '9' => '0',
            >= 'a' and <= 'e' => (char)(last + 1),
            'f' => 'a',
            >= 'g' and <= 'y' => (char)(last + 1),
            'z' => 'g',
            >= 'A' and <= 'Y' => (char)(last + 1),
            'Z' => 'A',
            _ => 'A',
        };
        return token[..^1] + replacement;
    }

    /// <summary>An AWS access key id: a four-letter type prefix and 16 base32 characters.</summary>
    public static string AwsAccessKeyId(string prefix = "AKIA") => prefix + Random(AwsKeyIdChars, 16);

    /// <summary>An AWS secret access key: 40 characters of base64 with mixed case.</summary>
    public static string AwsSecretAccessKey() => Clean(() => Shuffle(Mixed(37) + "/+" + Random(Samples.Base64Chars, 1)));

    /// <summary>An STS session token in its current shape (base64 beginning <c>IQoJb3JpZ2luX2Vj</c>).</summary>
    public static string AwsSessionToken() => "IQoJb3JpZ2luX2Vj" + Base64OfBytes(480).TrimEnd('=');

    /// <summary>A Google API key: <c>AIza</c> and 35 base64url characters.</summary>
    public static string GoogleApiKey() => "AIzaSy" + Clean(() => Shuffle(Mixed(31) + "-_"));

    /// <summary>
    /// A service-account key file as Google writes it, with a freshly generated RSA key in PKCS#8 PEM
    /// (newlines escaped inside the JSON string). <paramref name="typeFirst"/> puts <c>"type"</c> before the key.
    /// </summary>
    public static string GcpServiceAccountJson(bool typeFirst)
    {
        using var rsa = RSA.Create(2048);
        var body = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey());
        var lines = new StringBuilder();
        for (var i = 0; i < body.Length; i += 64)
        {
            lines.Append(body, i, Math.Min(64, body.Length - i)).Append("\\n");
        }

        var project = "acme-" + Random(Samples.LowerAlphaNumericChars, 6);
        var type = "  \"type\": \"service_account\",\n";
        return "{\n" + (typeFirst ? type : "")
            + $"  \"project_id\": \"{project}\",\n"
            + $"  \"private_key_id\": \"{Hex(40)}\",\n"
            + $"  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n{lines}-----END PRIVATE KEY-----\\n\",\n"
            + $"  \"client_email\": \"deployer@{project}.iam.gserviceaccount.com\",\n"
            + $"  \"client_id\": \"{Digits(21)}\",\n"
            + "  \"token_uri\": \"https://oauth2.googleapis.com/token\",\n"
            + (typeFirst ? "" : type)
            + "  \"universe_domain\": \"googleapis.com\"\n}";
    }

    /// <summary>
    /// A 64-byte Azure key (storage, Cosmos DB) as 88 base64 characters. With <paramref name="signature"/>, the
    /// four characters at offset 76 carry the provider signature, as Azure's identifiable keys do (<c>+ASt</c>, <c>ACDb</c>).
    /// </summary>
    public static string AzureKey64(string? signature = null)
    {
        var key = Base64OfBytes(64);
        return signature is null ? key : key[..76] + signature + key[80..];
    }

    /// <summary>A 32-byte Azure shared access key (Service Bus, Event Hubs, Relay, IoT Hub) as 44 base64 characters.</summary>
    public static string AzureKey32() => Base64OfBytes(32);

    /// <summary>A SAS <c>sig</c> value: an HMAC-SHA256 in base64, URL-encoded as it appears in a query string.</summary>
    public static string AzureSasSignature() => Uri.EscapeDataString(Base64OfBytes(32));

    /// <summary>A legacy Azure DevOps PAT: 52 lower-case base32 characters.</summary>
    public static string AzureDevOpsLegacyPat() => Random(Base32Lower, 52);

    /// <summary>An identifiable (84-character) Azure DevOps PAT: <c>JQQJ99</c> signature and the <c>AZDO</c> provider mark.</summary>
    public static string AzureDevOpsIdentifiablePat() =>
        Mixed(52) + "JQQJ99" + Random(Samples.Base62Chars, 1) + Random("ABCDEFGHIJKL", 1) + Mixed(16) + "AZDO" + Mixed(4);

    /// <summary>An Entra ID client secret in the current <c>8Q~</c> shape (40 characters).</summary>
    public static string EntraClientSecret() =>
        Clean(() => Random(Samples.AlphaNumericChars, 3) + "8Q~" + Shuffle(Mixed(30) + Random(EntraSecretChars, 4)));

    /// <summary>A classic GitHub token: <paramref name="prefix"/> (<c>ghp_</c>, ...), 30 random base62 and the CRC-32 checksum.</summary>
    public static string GitHubClassic(string prefix)
    {
        var random = Mixed(30);
        return prefix + random + Checksums.GitHubChecksum(random);
    }

    /// <summary>A fine-grained GitHub PAT: <c>github_pat_</c>, 22 characters, <c>_</c>, 59 characters.</summary>
    public static string GitHubFineGrained() => "github_pat_11" + Mixed(20) + "_" + Mixed(59);

    /// <summary>A stateless GitHub App installation token: <c>ghs_</c>, the app id, <c>_</c> and a signed JWT.</summary>
    public static string GitHubStatelessInstallationToken()
    {
        var app = Digits(7);
        var jwt = Jwt(
            "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + Hex(16) + "\"}",
            "{\"iss\":\"" + app + "\",\"installation_id\":" + Digits(8) + ",\"exp\":" + Digits(10) + "}",
            256);
        return "ghs_" + app + "_" + jwt;
    }

    /// <summary>
    /// A GitLab routable token: base64url of random bytes plus routing data, an optional version, the payload
    /// length in base36 and a CRC-32 in base36 over everything before it.
    /// </summary>
    public static string GitLabRoutable(string prefix, bool versioned = true) => Clean(() =>
    {
        var random = RandomNumberGenerator.GetBytes(16);
        var routing = Encoding.ASCII.GetBytes("c:1\no:" + Random(Checksums.Base36Alphabet, 5) + "\nu:" + Random(Checksums.Base36Alphabet, 6));
        byte[] payload = versioned ? [.. random, .. routing, (byte)routing.Length] : [.. routing, .. random, (byte)random.Length];
        var encodedPayload = Base64Url(payload);
        var encoded = prefix + encodedPayload + "." + (versioned ? "01." : "") + Checksums.ToBase36((uint)encodedPayload.Length, 2);
        return encoded + Checksums.ToBase36(Checksums.Crc32(encoded), 7);
    });

    /// <summary>A JWT with the given header and payload JSON and <paramref name="signatureBytes"/> random signature bytes.</summary>
    public static string Jwt(string headerJson, string payloadJson, int signatureBytes = 32) =>
        Base64Url(Encoding.UTF8.GetBytes(headerJson)) + "." + Base64Url(Encoding.UTF8.GetBytes(payloadJson)) + "."
        + Base64UrlOfBytes(signatureBytes);

    /// <summary>True when <paramref name="token"/> has three dot-separated segments and the first is a JSON header with <c>alg</c>.</summary>
    public static bool IsJwt(ReadOnlySpan<char> token)
    {
        var first = token.IndexOf('.');
        var last = token.LastIndexOf('.');
        return first > 0 && last > first + 1 && last < token.Length - 1 && Checksums.IsBase64JsonObject(token[..first], "alg");
    }

    /// <summary>A Discord bot token: base64 of the bot's numeric id, a timestamp segment and an HMAC segment.</summary>
    public static string DiscordBotToken() => Clean(() =>
        Base64Url(Encoding.ASCII.GetBytes(Digits(19))) + "." + Random(Samples.Base64UrlChars, 6) + "." + Base64UrlOfBytes(28));

    /// <summary>True when the first segment of a Discord bot token decodes to a 17–20 digit snowflake id.</summary>
    public static bool IsDiscordBotToken(ReadOnlySpan<char> token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || !Checksums.TryDecodeBase64(token[..dot], out var id) || id.Length is < 17 or > 20 || id[0] == (byte)'0')
        {
            return false;
        }

        foreach (var b in id)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A Sentry organization auth token: <c>sntrys_</c>, base64 JSON claims, <c>_</c> and a 43-character secret.</summary>
    public static string SentryOrgToken()
    {
        var claims = "{\"iat\":" + Digits(10) + ".5,\"url\":\"https://sentry.io\",\"region_url\":\"https://us.sentry.io\",\"org\":\"acme-"
            + Random(Samples.Lower, 5) + "\"}";
        return "sntrys_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(claims)) + "_" + Clean(() => Base64OfBytes(32).TrimEnd('='));
    }

    /// <summary>A Grafana service-account token: <c>glsa_</c>, 32 characters, <c>_</c> and the CRC-32 checksum in hex.</summary>
    public static string GrafanaServiceAccountToken()
    {
        var key = "glsa_" + Mixed(32);
        return key + "_" + Checksums.GrafanaChecksum(key);
    }

    /// <summary>A Grafana Cloud access policy token: <c>glc_</c> and base64 of its JSON claims.</summary>
    public static string GrafanaCloudToken() =>
        "glc_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(
            "{\"o\":\"" + Digits(6) + "\",\"n\":\"stack-" + Digits(6) + "-hm-write-ci\",\"k\":\"" + Mixed(24) + "\",\"m\":{\"r\":\"prod-us-east-0\"}}"));

    /// <summary>A legacy Grafana API key: base64 of <c>{"k":..., "n":..., "id":...}</c>.</summary>
    public static string GrafanaLegacyApiKey() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"k\":\"" + Mixed(32) + "\",\"n\":\"ci-deployer\",\"id\":" + Digits(2) + "}")).TrimEnd('=');

    /// <summary>True when the text has at least one upper-case and one lower-case ASCII letter.</summary>
    public static bool HasMixedCase(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('A', 'Z') >= 0 && text.IndexOfAnyInRange('a', 'z') >= 0;

    /// <summary>
    /// True when a PEM body (possibly with JSON-escaped <c>\n</c>) decodes to a DER structure of plausible key size.
    /// </summary>
    public static bool IsPemPrivateKey(string pem)
    {
        var start = pem.IndexOf("KEY-----", StringComparison.Ordinal);
        var end = pem.LastIndexOf("-----END", StringComparison.Ordinal);
        if (start < 0 || end <= start)
        {
            return false;
        }

        var body = new StringBuilder();
        var text = pem.AsSpan(start + 8, end - start - 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is 'n' or 'r')
            {
                i++;
                continue;
            }

            if (!char.IsWhiteSpace(text[i]) && text[i] != '\\')
            {
                body.Append(text[i]);
            }
        }

        return Checksums.TryDecodeBase64(body.ToString(), out var der) && der.Length >= 256 && der[0] == 0x30;
    }

    private static string Clean(Func<string> generate, double minEntropy = 0)
    {
        while (true)
        {
            var value = generate();
            if (!Placeholders.LooksLikePlaceholder(value) && (minEntropy <= 0 || Entropy.Shannon(value) >= minEntropy))
            {
                return value;
            }
        }
    }

    private static string Shuffle(string value)
    {
        var chars = value.ToCharArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
