using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC002: an AWS secret access key, recognised by an AWS key name or a nearby access key id.</summary>
public sealed partial class AwsSecretAccessKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC002",
        Name: "aws-secret-access-key",
        Title: "AWS secret access key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.Medium)
    {
        Description = "Detects a 40-character AWS secret access key when it is assigned to an AWS key name (aws_secret_access_key, "
            + "secretAccessKey, AWS_SECRET_KEY) or sits within a few lines of an access key id, as in credentials files and CSV exports. "
            + "Together with its key id it signs API requests as the IAM user or role, often with broad account access.",
        Remediation = "Deactivate and delete the access key in IAM at once, review CloudTrail for its use, and create a replacement only if "
            + "needed. Prefer short-lived role credentials (GitHub OIDC, instance or task roles); otherwise load keys from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    // "access" covers the spellings of secret-access-key that no longer keyword names ("secret.access-key"), and the
    // four id prefixes are all keywords, so every match holds a keyword that IsPlausibleHit accepts.
    public override IReadOnlyList<string> Keywords { get; } = ["aws", "secretaccesskey", "secret_access_key", "access", "akia", "asia", "abia", "acca"];

    public override Regex Pattern => Token;

    /// <inheritdoc/>
    public override bool ChecksHits => true;

    /// <summary>
    /// "aws" must have "secret" within the 20 key characters the pattern allows after it; "access" must read
    /// secret[_.-]access[_.-]key; an id prefix must be upper case, start a word and carry 16 id characters.
    /// </summary>
    public override bool IsPlausibleHit(ReadOnlySpan<char> text, int offset, string keyword)
    {
        if (keyword.Equals("aws", StringComparison.OrdinalIgnoreCase))
        {
            var after = text[(offset + 3)..];
            return after[..Math.Min(after.Length, 20 + 6)].Contains("secret", StringComparison.OrdinalIgnoreCase);
        }

        if (keyword.Equals("access", StringComparison.OrdinalIgnoreCase))
        {
            var before = offset > 0 && text[offset - 1] is '_' or '.' or '-' ? offset - 1 : offset;
            var rest = text[(offset + 6)..];
            if (rest.Length > 0 && rest[0] is '_' or '.' or '-')
            {
                rest = rest[1..];
            }

            return before >= 6 && text[(before - 6)..before].Equals("secret", StringComparison.OrdinalIgnoreCase)
                && rest.StartsWith("key", StringComparison.OrdinalIgnoreCase);
        }

        return keyword.Length != 4 || IsAccessKeyIdAt(text, offset);
    }

    public override double? MinEntropy => 4.0;

    public override bool IsValid(string secret, Match match) =>
        TokenFormats.HasMixedCase(secret) && secret.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    public override IEnumerable<string> TruePositives()
    {
        var id = TokenFormats.AwsAccessKeyId();
        var secret = TokenFormats.AwsSecretAccessKey();
        yield return "[default]\naws_access_key_id = " + id + "\naws_secret_access_key = " + secret + "\n";
        yield return "export AWS_SECRET_ACCESS_KEY=\"" + TokenFormats.AwsSecretAccessKey() + "\"";
        yield return "deploy-bot," + TokenFormats.AwsAccessKeyId() + "," + TokenFormats.AwsSecretAccessKey();
        yield return "credentials: { accessKeyId: '" + id + "', secretAccessKey: '" + TokenFormats.AwsSecretAccessKey() + "' }";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        yield return "AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}";
        yield return "rotated " + TokenFormats.AwsAccessKeyId() + " in commit " + TokenFormats.Hex(40);
        yield return "SECRET_KEY = '" + TokenFormats.Mixed(40) + "'";
        yield return "aws_secret_access_key = " + TokenFormats.Mixed(41);
    }

    // Every branch starts with a case-insensitive literal (the id prefix is checked for case in a lookbehind), so the
    // generated matcher finds candidate starts with one vectorised multi-string search rather than at every 'a' and 's'.
    [GeneratedRegex(
        """(?i:aws[\w.-]{0,20}?secret[\w.-]{0,20}?|secret[_.-]?access[_.-]?key)["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])|(?i:akia|asia|abia|acca)(?<=(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA))[A-Z2-7]{16}(?![A-Za-z0-9])[\s\S]{1,120}?(?<![A-Za-z0-9/+=])(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    /// <summary>An upper-case id prefix that starts a word, then 16 id characters (A-Z, 2-7) and no further letter or digit.</summary>
    private static bool IsAccessKeyIdAt(ReadOnlySpan<char> text, int offset)
    {
        if (offset + 20 > text.Length || (offset > 0 && char.IsAsciiLetterOrDigit(text[offset - 1])))
        {
            return false;
        }

        var prefix = text.Slice(offset, 4);
        if (!(prefix.SequenceEqual("AKIA") || prefix.SequenceEqual("ASIA") || prefix.SequenceEqual("ABIA") || prefix.SequenceEqual("ACCA")))
        {
            return false;
        }

        foreach (var c in text.Slice(offset + 4, 16))
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '2' and <= '7')))
            {
                return false;
            }
        }

        return offset + 20 == text.Length || !char.IsAsciiLetterOrDigit(text[offset + 20]);
    }
}
