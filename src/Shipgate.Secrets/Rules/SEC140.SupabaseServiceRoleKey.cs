using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC140: Supabase legacy <c>service_role</c> API keys: JWTs whose payload has <c>role: service_role</c> and a Supabase issuer.</summary>
public sealed partial class SupabaseServiceRoleKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC140",
        Name: "supabase-service-role-key",
        Title: "Supabase service_role JWT",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:jwt"],
        Description = "Finds Supabase service_role keys, legacy API keys that are JWTs with the claim role service_role issued by Supabase; the payload is decoded to check. "
            + "The key bypasses Row Level Security and gives full read and write access to the project's database through the API.",
        Remediation = "Rotate the JWT secret or move to the new API keys (Project settings > API keys) so the leaked key stops working, and use service_role/secret keys only in server-side code.",
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

    public override bool IsValid(string secret, Match match) =>
        JsonWebToken.TryDecode(secret, out _, out var payload) && JsonWebToken.IsSupabaseKey(payload, "service_role");

    internal static string Sample(string role = "service_role") => JsonWebToken.Sample(
        "{\"iss\":\"supabase\",\"ref\":\"" + Samples.From(Samples.Lower, 20) + "\",\"role\":\"" + role + "\",\"iat\":1700000000,\"exp\":2015576000}");

    public override IEnumerable<string> TruePositives()
    {
        yield return "SUPABASE_SERVICE_ROLE_KEY=" + Sample();
        yield return "const admin = createClient(SUPABASE_URL, '" + Sample() + "')";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SUPABASE_ANON_KEY=" + Sample("anon");
        yield return "SUPABASE_SERVICE_ROLE_KEY=${SUPABASE_SERVICE_ROLE_KEY}";
        yield return "token=" + JsonWebToken.Sample("{\"sub\":\"42\",\"role\":\"service_role\"}");
    }
}
