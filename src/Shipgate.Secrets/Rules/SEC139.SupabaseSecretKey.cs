using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC139: Supabase secret API keys (<c>sb_secret_</c>), which bypass Row Level Security.</summary>
public sealed partial class SupabaseSecretKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC139",
        Name: "supabase-secret-key",
        Title: "Supabase secret API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds Supabase secret API keys (sb_secret_), the replacement for the service_role key. "
            + "They bypass Row Level Security and have full access to the project's data through the Data API.",
        Remediation = "Delete the key in the Supabase dashboard (Project settings > API keys), create a new one, and use it only on trusted servers; browsers and mobile apps get the publishable key.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sb_secret_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.3;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])sb_secret_[A-Za-z0-9_-]{20,80}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "SUPABASE_SECRET_KEY=sb_secret_" + Samples.Base64Url(31);
        yield return "const supabase = createClient(url, \"sb_secret_" + Samples.AlphaNumeric(22) + "_" + Samples.AlphaNumeric(8) + "\");";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SUPABASE_SECRET_KEY=sb_secret_...";
        yield return "SUPABASE_PUBLISHABLE_KEY=sb_publishable_" + Samples.Base64Url(31);
        yield return "SUPABASE_SECRET_KEY=sb_secret_" + new string('x', 31);
    }
}
