using System.Text.Json;
using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC124: 1Password service account tokens: <c>ops_</c> + base64 JSON (decoded and checked).</summary>
public sealed partial class OnePasswordServiceAccountToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC124",
        Name: "onepassword-service-account-token",
        Title: "1Password service account token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:1password-service-account-token"],
        Description = "Finds 1Password service account tokens (ops_ followed by base64-encoded JSON) and confirms the payload decodes to a JSON object. "
            + "The token contains the account's key material: it decrypts every vault the service account was granted, without a password or second factor.",
        Remediation = "Revoke the token (1Password.com > Developer > Service Accounts), review the vault access log, rotate the items the account could read, and issue a new token only into the CI secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["ops_eyJ"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    public override int WindowBefore => 4096;

    public override int WindowAfter => 4096;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])ops_eyJ[A-Za-z0-9+/]{200,4000}={0,3}(?![A-Za-z0-9+/=])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match)
    {
        var body = secret[4..];
        var padded = body.PadRight(body.Length + ((4 - (body.Length % 4)) % 4), '=');
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, written));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.EnumerateObject().Any();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Sample()
    {
        var json = "{\"signInAddress\":\"my.1password.com\",\"userAuth\":{\"method\":\"SRPg-4096\",\"alg\":\"PBES2g-HS256\",\"iterations\":650000,\"salt\":\""
            + Samples.Base64Url(22) + "\"},\"email\":\"" + Samples.From(Samples.Lower, 12) + "@1passwordserviceaccounts.com\",\"srpX\":\""
            + Samples.Hex(64) + "\",\"muk\":{\"alg\":\"A256GCM\",\"ext\":true,\"k\":\"" + Samples.Base64Url(43) + "\",\"key_ops\":[\"encrypt\",\"decrypt\"],\"kty\":\"oct\",\"kid\":\"mp\"},\"secretKey\":\"A3-"
            + Samples.UpperAlphaNumeric(6) + "-" + Samples.UpperAlphaNumeric(11) + "\",\"throttleSecret\":{\"seed\":\"" + Samples.Hex(64) + "\",\"uuid\":\"" + Samples.UpperAlphaNumeric(26) + "\"},\"deviceUuid\":\"" + Samples.LowerAlphaNumeric(26) + "\"}";
        return "ops_" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=');
    }

    public override IEnumerable<string> TruePositives()
    {
        yield return "OP_SERVICE_ACCOUNT_TOKEN=" + Sample();
        yield return "  op_token: \"" + Sample() + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "OP_SERVICE_ACCOUNT_TOKEN=${{ secrets.OP_SERVICE_ACCOUNT_TOKEN }}";
        yield return "OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ" + Samples.Base64(300);
        yield return "OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...";
    }
}
