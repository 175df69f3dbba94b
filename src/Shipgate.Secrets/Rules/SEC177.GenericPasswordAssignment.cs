using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC177: A literal password assigned to a password-named key in code, YAML, JSON, .env, properties or XML attributes, after strong false-positive filtering.</summary>
public sealed partial class GenericPasswordAssignment : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC177",
        Name: "generic-password-assignment",
        Title: "Hard-coded password assigned to a password setting",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Low,
        Confidence: Confidence.Low)
    {
        Equivalents = ["gitleaks:generic-api-key"],
        Description = "Finds literal passwords assigned to password-named keys (password, passwd, pwd, passphrase, db_pass and so on) in source code, YAML, JSON, .env, properties files and XML attributes. "
            + "The rule filters aggressively: environment and config lookups, templates, member access, function calls, types, hashes, paths, UUIDs, booleans, numbers, stock and test values, and variables on both sides are ignored.",
        Remediation = "Change the password, remove it from the file, and read it at run time from an environment variable or a secret store; use obviously fake values in tests.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override bool IsGeneric => true;

    /// <summary>Key characters the pattern allows after a keyword: the rest of "passphrase" after "pass" (6), then the key's suffix (24).</summary>
    private const int MaxKeyTail = 6 + 24;

    /// <summary>The longest value the pattern captures.</summary>
    private const int MaxValue = 256;

    public override IReadOnlyList<string> Keywords { get; } = ["pass", "pwd"];

    public override Regex Pattern => Token;

    /// <inheritdoc/>
    public override bool ChecksHits => true;

    /// <inheritdoc/>
    public override bool IsPlausibleHit(ReadOnlySpan<char> text, int offset, string keyword) =>
        GenericSecretAssignment.ReadAssignment(text, offset, keyword.Length, MaxKeyTail, MaxValue, out var assignment) switch
        {
            HitAssignment.None => false,
            HitAssignment.Unknown => true,
            _ => Accepts(text.Slice(assignment.ValueStart, assignment.ValueLength), assignment.Quoted, text[assignment.KeyStart..assignment.KeyEnd]),
        };

    [GeneratedRegex(
        @"(?<kw>(?i:passw(?:or)?d|passphrase|pwd|pass(?![A-Za-z])))(?<=(?<![A-Za-z0-9_.-])(?<pre>[A-Za-z0-9_.-]{0,40})\k<kw>)(?<post>[A-Za-z0-9_.-]{0,24})[""']?[ \t]{0,3}(?::=|=>|=|:|[ \t]+value[ \t]*=)[ \t]{0,3}(?:(?<q>[""'`])(?<secret>[^""'`\s]{1,256})\k<q>|(?<secret>(?>[^\s""'`;,&]{1,256}))(?![""'`][ \t]*[+.&]))",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => false;

    public override bool IsValid(string secret, Match match) => Accepts(secret, match.Groups["q"].Success, GenericSecretAssignment.KeyOf(match));

    /// <summary>The rule's verdict on a value and its key, the same whether asked at a keyword hit or after a match.</summary>
    private static bool Accepts(ReadOnlySpan<char> secret, bool quoted, ReadOnlySpan<char> key)
    {
        // Cheap value checks first: most assignments in code fail them, and the key checks allocate.
        if (secret.Length < 8 || GenericSecretAssignment.LooksLikeCode(secret, quoted)
            || Entropy.Shannon(secret) < Math.Min(3.0, Math.Log2(secret.Length) - 0.6))
        {
            return false;
        }

        var keyText = key.ToString();
        return !keyText.StartsWith('-') && !GenericSecretAssignment.IsExcludedKey(keyText)
            && !GenericSecretAssignment.LooksLikeNonSecret(keyText, secret.ToString(), quoted);
    }

    public override IEnumerable<string> TruePositives()
    {
        yield return "DB_PASSWORD=" + GenericSecretAssignment.SampleValue(20);
        yield return "spring.datasource.password=" + GenericSecretAssignment.SampleValue(16);
        yield return "  password: \"" + GenericSecretAssignment.SampleValue(18) + "\"";
        yield return "{ \"smtpPassword\": \"" + GenericSecretAssignment.SampleValue(22) + "\" }";
        yield return "conn = connect(host=\"db\", user=\"etl\", password=\"" + GenericSecretAssignment.SampleValue(16) + "\")";
        yield return "<add key=\"AdminPassword\" value=\"" + GenericSecretAssignment.SampleValue(16) + "\" />";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "const password = process.env.DB_PASSWORD;";
        yield return "password = os.environ[\"DB_PASSWORD\"]";
        yield return "password: ${{ secrets.DB_PASSWORD }}";
        yield return "password: string;";
        yield return "password = password";
        yield return "password = \"changeme\"";
        yield return "PASSWORD_MIN_LENGTH=12";
        yield return "password_hash = \"$2b$12$" + Samples.From(Samples.AlphaNumericChars + "./", 53) + "\"";
        yield return "password = self.settings.password";
        yield return "POSTGRES_PASSWORD_FILE=/run/secrets/postgres_password";
        yield return "password = \"test-password-123\"";
        yield return "<input type=\"password\" name=\"password\" placeholder=\"Password\">";
        yield return "--password=" + Samples.Mixed(16);
    }
}
