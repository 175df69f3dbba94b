using System.Globalization;
using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC178: A high-entropy literal assigned to a secret-, token- or key-named setting (api_key, client_secret, auth_token, private_key …), with strong false-positive filtering.</summary>
public sealed partial class GenericSecretAssignment : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC178",
        Name: "generic-secret-assignment",
        Title: "Hard-coded secret, token or API key assigned to a secret setting",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Low,
        Confidence: Confidence.Low)
    {
        Equivalents = ["gitleaks:generic-api-key"],
        Description = "Finds high-entropy literals assigned to keys named like secrets (secret, token, api_key, apikey, access_key, client_secret, auth_token, private_key, signing_key, credentials …) in code and configuration. "
            + "The value must be at least 16 characters with 3.5 bits of entropy per character and look like a key, and passes the same filters as the password rule plus exclusions for public, publishable, pagination and CSRF tokens.",
        Remediation = "Revoke the credential at the service that issued it, and read the replacement from the environment or a secret store; prefer provider-specific formats that scanners can recognise.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override bool IsGeneric => true;

    public override IReadOnlyList<string> Keywords { get; } = ["secret", "token", "key", "credential"];

    public override Regex Pattern => Token;

    /// <inheritdoc/>
    public override bool ChecksHits => true;

    /// <inheritdoc/>
    public override bool IsPlausibleHit(ReadOnlySpan<char> text, int offset, string keyword) =>
        ReadAssignment(text, offset, keyword.Length, MaxKeyTail, MaxValue, out var assignment) switch
        {
            HitAssignment.None => false,
            HitAssignment.Unknown => true,
            _ => Accepts(text.Slice(assignment.ValueStart, assignment.ValueLength), assignment.Quoted, text[assignment.KeyStart..assignment.KeyEnd]),
        };

    /// <inheritdoc/>
    public override int WindowAfter => MaxKeyTail + MaxValue + 64;

    [GeneratedRegex(
        @"(?<kw>(?i:secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key|app[_.-]?key|session[_.-]?key|credentials?))(?<=(?<![A-Za-z0-9_.-])(?<pre>[A-Za-z0-9_.-]{0,40})\k<kw>)(?<post>[A-Za-z0-9_.-]{0,24})[""']?[ \t]{0,3}(?::=|=>|=|:|[ \t]+value[ \t]*=)[ \t]{0,3}(?:(?<q>[""'`])(?<secret>[^""'`\s]{1,512})\k<q>|(?<secret>(?>[^\s""'`;,&]{1,512}))(?![""'`][ \t]*[+.&]))",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => false;

    public override bool IsValid(string secret, Match match) => Accepts(secret, match.Groups["q"].Success, KeyOf(match));

    /// <summary>The rule's verdict on a value and its key, the same whether asked at a keyword hit or after a match.</summary>
    private static bool Accepts(ReadOnlySpan<char> secret, bool quoted, ReadOnlySpan<char> key)
    {
        // Cheap value checks first: most assignments in code fail them, and the key checks allocate.
        if (secret.Length < 16)
        {
            return false;
        }

        var letters = 0;
        bool upper = false, lower = false, digit = false;
        foreach (var c in secret)
        {
            letters += char.IsAsciiLetter(c) ? 1 : 0;
            upper |= char.IsAsciiLetterUpper(c);
            lower |= char.IsAsciiLetterLower(c);
            digit |= char.IsAsciiDigit(c);
        }

        var shaped = (digit && letters > 0) || (upper && lower && secret.Length >= 32);
        if (!shaped || LooksLikeCode(secret, quoted) || Entropy.Shannon(secret) < 3.5)
        {
            return false;
        }

        var keyText = key.ToString();
        return !keyText.StartsWith('-') && !IsExcludedKey(keyText) && !PasswordKey().IsMatch(keyText) && !LooksLikeNonSecret(keyText, secret.ToString(), quoted);
    }

    /// <summary>Key characters the pattern allows after a keyword: an <c>s</c> of "credentials", then the key's suffix (24).</summary>
    private const int MaxKeyTail = 1 + 24;

    /// <summary>The longest value the pattern captures.</summary>
    private const int MaxValue = 512;

    /// <summary>Words that make "…key" the name of a secret even when "key" ends it (<c>api_key</c>, <c>signingKey</c>).</summary>
    private static readonly string[] SecretQualifiers = ["api", "access", "secret", "private", "signing", "encryption", "master", "app", "session"];

    private static readonly string[] KeySuffixes =
    [
        "id", "ids", "name", "names", "url", "uri", "urls", "endpoint", "type", "types", "path", "file", "files", "dir", "ref", "arn", "length", "len", "size",
        "ttl", "expiry", "expires", "expiration", "lifetime", "header", "field", "prefix", "policy", "version", "count", "limit", "format", "hint", "label",
        "placeholder", "regex", "pattern", "min", "max", "minlength", "maxlength", "strength", "enabled", "required", "mode", "option", "options", "hash",
        "hashed", "digest", "checksum", "salt", "fingerprint", "location", "source", "provider", "store", "storage", "class", "kind", "template", "key",
        "confirm", "confirmation", "reset", "changed", "error", "message", "text", "title", "icon", "visible", "selector", "column", "env", "var", "variable",
        "encryption", "algorithm", "algorithms", "method", "methods", "scheme", "cipher", "mechanism", "grant", "flow", "endpoint", "audience", "scope", "scopes",
    ];

    private static readonly string[] KeyMarkers =
    [
        "public", "publishable", "csrf", "xsrf", "tokenizer", "pagetoken", "nexttoken", "continuation", "cursor", "synctoken", "resumetoken", "keyboard",
        "keystore", "keypair", "hash", "digest", "checksum", "integrity", "fingerprint", "sha256", "sha512", "nonce", "tokentype", "maxtokens", "tokens",
    ];

    private static readonly string[] ValueMarkers =
    [
        "test", "example", "dummy", "sample", "fake", "mock", "changeme", "placeholder", "redacted", "qwerty", "letmein", "hunter2", "foobar", "xxxx", "****",
        "1234", "abcd", "secret", "password", "passwd", "your", "insert", "replace", "todo", "lorem", "default", "localhost", "null", "none", "undefined",
        "...", "\u2026", "postgres", "admin", "mysql", "guest", "tiger",
    ];

    private static readonly System.Buffers.SearchValues<char> CodeCharacters = System.Buffers.SearchValues.Create("()[]{}<>^");

    private static readonly string[] TypeNames =
    [
        "string", "str", "bool", "boolean", "int", "integer", "number", "float", "double", "any", "object", "char", "bytes", "text", "varchar", "securestring",
        "secure", "secretstr", "password", "optional", "nullable", "readonly", "true", "false", "null", "nil", "none", "undefined", "yes", "no", "on", "off",
    ];

    /// <summary>
    /// Example values published in specifications and library docs (RFC 6749, RFC 5849 and others), which are
    /// copied verbatim into tests and docstrings; like gitleaks' stop words, they are never reported.
    /// </summary>
    private static readonly HashSet<string> DocumentationValues = new(StringComparer.Ordinal)
    {
        "2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA", "SplxlOBeZQQYbYS6WxSbIA", "8xLOxBtZp8", "ad180jjd733klru7", "kd94hf93k423kf44",
        "czZCaGRSa3F0MzpnWDFmQmF0M2JW", "gX1fBat3bV", "s6BhdRkqt3", "hh5s93j4hdidpola", "pfkkdhi9sl3r4s00", "dh893hdasih9",
    };

    /// <summary>True for example values from specifications and well-known documentation.</summary>
    internal static bool IsDocumentationValue(string value) => DocumentationValues.Contains(value);

    /// <summary>A random credential-shaped value that none of the false-positive filters rejects, for the rule samples.</summary>
    internal static string SampleValue(int length)
    {
        string value;
        do
        {
            value = Samples.Mixed(length);
        }
        while (LooksLikeNonSecret("value", value, quoted: true));

        return value;
    }

    /// <summary>The whole key name: the part before the keyword (captured by the look-behind), the keyword and the rest.</summary>
    internal static string KeyOf(Match match) => match.Groups["pre"].Value + match.Groups["kw"].Value + match.Groups["post"].Value;

    /// <summary>Keys that name something about a secret (its length, file, id, hash) rather than holding one.</summary>
    internal static bool IsExcludedKey(string key)
    {
        // The key lower-cased without separators, on the stack: this runs for every candidate assignment.
        Span<char> buffer = stackalloc char[Math.Min(key.Length, 256)];
        var length = 0;
        foreach (var c in key.AsSpan(0, buffer.Length))
        {
            if (c is not ('_' or '-' or '.'))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        ReadOnlySpan<char> compact = buffer[..length];
        foreach (var marker in KeyMarkers)
        {
            if (compact.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // The key's last word is a suffix of the compact key: when no excluded suffix ends it, none is its last word.
        var endsWithSuffix = false;
        foreach (var suffix in KeySuffixes)
        {
            endsWithSuffix |= compact.EndsWith(suffix, StringComparison.Ordinal);
        }

        if (!endsWithSuffix)
        {
            return false;
        }

        // The key's last two words (camelCase or separated; the word pattern matches ASCII only), without allocating.
        ReadOnlySpan<char> last = default, previous = default;
        var words = 0;
        foreach (var word in KeyWords().EnumerateMatches(key))
        {
            previous = last;
            last = key.AsSpan(word.Index, word.Length);
            words++;
        }

        if (words < 2 || !IsOneOf(last, KeySuffixes))
        {
            return false;
        }

        return !(last.Equals("key", StringComparison.OrdinalIgnoreCase) && IsOneOf(previous, SecretQualifiers));
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] lowerCaseWords)
    {
        foreach (var candidate in lowerCaseWords)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The shared false-positive filter of the generic rules: look-ups, templates, code expressions, types, hashes,
    /// paths, URLs, UUIDs, numbers, booleans, masks, stock or test values, and the key repeated as its own value.
    /// </summary>
    internal static bool LooksLikeNonSecret(string key, string value, bool quoted)
    {
        value = value.TrimEnd('\\');
        if (value.Length == 0 || IsDocumentationValue(value) || Placeholders.LooksLikePlaceholder(value) || Placeholders.IsVariableReference(value))
        {
            return true;
        }

        if (LooksLikeCode(value, quoted))
        {
            return true;
        }

        var lower = value.ToLowerInvariant();
        var keyCompact = key.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();
        if (lower.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Contains(keyCompact, StringComparison.Ordinal)
            || TypeNames.Contains(lower.TrimEnd('?', ';', ',', ')', ':')) || ValueMarkers.Any(m => lower.Contains(m, StringComparison.Ordinal)))
        {
            return true;
        }

        if (!quoted && (Identifier().IsMatch(value) && !(value.Any(char.IsAsciiDigit) && value.Any(char.IsAsciiLetterUpper) && value.Any(char.IsAsciiLetterLower))
            || MemberAccess().IsMatch(value)))
        {
            return true;
        }

        return Guid.TryParse(value, CultureInfo.InvariantCulture, out _) || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || HashOrPath().IsMatch(value) || lower.StartsWith("data:", StringComparison.Ordinal);
    }

    /// <summary>
    /// The value is an expression, not a literal: it starts with a sigil or bracket, ends in a call or index, or (unquoted)
    /// holds brackets or <c>-&gt;</c>. Allocation-free, so the generic rules check it before building the key.
    /// </summary>
    internal static bool LooksLikeCode(ReadOnlySpan<char> value, bool quoted)
    {
        var trimmed = value.TrimEnd('\\');
        if (trimmed.Length == 0)
        {
            return false;
        }

        if ("$%@#{[(<&*!|>=~\\".Contains(trimmed[0], StringComparison.Ordinal) || trimmed[^1] is '(' or '[' or ')' or ']')
        {
            return true;
        }

        return !quoted && (trimmed.IndexOfAny(CodeCharacters) >= 0 || trimmed.Contains("->", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex KeyWords();

    [GeneratedRegex(@"(?i)passw(?:or)?d|passphrase|pwd", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex PasswordKey();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z_$][\w$]*(?:(?:\.|\?\.|::|->)[A-Za-z_$][\w$]*)+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex MemberAccess();

    [GeneratedRegex(
        @"^(?i:sha(?:1|224|256|384|512)[:-]|md5[:-]|sha256~|\$2[aby]\$|\$argon2|\$apr1\$|\$[156]\$|pbkdf2|\{s?sha\}|https?://(?![^/@\s]*:[^/@\s]*@)|file:|s3://|gs://|~/|\.{1,2}/|/|[a-z]:\\)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex HashOrPath();

    public override IEnumerable<string> TruePositives()
    {
        yield return "API_KEY=" + SampleValue(32);
        yield return "client_secret: \"" + SampleValue(40) + "\"";
        yield return "const stripeSigningSecret = '" + SampleValue(24) + "';";
        yield return "{ \"authToken\": \"" + SampleValue(40).ToLowerInvariant() + "\" }";
        yield return "<add key=\"ServiceApiKey\" value=\"" + SampleValue(28) + "\" />";
        yield return "app.secret_key = \"" + SampleValue(40) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "api_key = config.get(\"service.api_key\")";
        yield return "secret = Environment.GetEnvironmentVariable(\"CLIENT_SECRET\");";
        yield return "token: ${{ secrets.NPM_TOKEN }}";
        yield return "tenant_secret_id = \"8a1f3c52-7b6e-4f0a-9d3c-2e5b7a9c1d4f\"";
        yield return "token_digest: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
        yield return "\"integrity\": \"sha512-" + Samples.Base64(86) + "==\"";
        yield return "secretName: my-app-tls-2024";
        yield return "tokenUrl: https://login.microsoftonline.com/common/oauth2/v2.0/token";
        yield return "apiKey: apiKey,";
        yield return "private readonly ITokenProvider tokenProvider;";
        yield return "secret_key = ENV['SECRET_KEY_BASE']";
        yield return "SECRET_KEY_FILE=/run/secrets/django_secret_key";
        yield return "api_key = \"YOUR_API_KEY_HERE\"";
        yield return "nextPageToken: " + Samples.Mixed(32);
        yield return "publishable_key = \"pk_" + Samples.Mixed(24) + "\"";
    }
}
