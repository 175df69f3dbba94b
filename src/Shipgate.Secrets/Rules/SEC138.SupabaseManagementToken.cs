using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC138: Supabase Management API personal access tokens: <c>sbp_</c> + 40 hexadecimal characters.</summary>
public sealed partial class SupabaseManagementToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC138",
        Name: "supabase-management-token",
        Title: "Supabase personal access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds Supabase personal access tokens (sbp_ followed by 40 hexadecimal characters), used by the Supabase CLI and Management API. "
            + "They act for the user on every organization and project: database passwords, API keys, edge functions and project deletion.",
        Remediation = "Revoke the token at supabase.com/dashboard/account/tokens and store a replacement only in the CI secret store (SUPABASE_ACCESS_TOKEN).",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sbp_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])sbp_[a-f0-9]{40}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "SUPABASE_ACCESS_TOKEN=sbp_" + Samples.Hex(40);
        yield return "supabase login --token sbp_" + Samples.Hex(40);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SUPABASE_ACCESS_TOKEN=${{ secrets.SUPABASE_ACCESS_TOKEN }}";
        yield return "SUPABASE_ACCESS_TOKEN=sbp_" + new string('0', 40);
        yield return "SUPABASE_ACCESS_TOKEN=sbp_" + Samples.Hex(20);
    }
}
