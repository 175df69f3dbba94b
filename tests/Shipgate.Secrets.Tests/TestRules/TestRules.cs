using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;

namespace Shipgate.Secrets.Tests.TestRules;

// Throwaway rules that exercise the engine without depending on the real catalogue (written in parallel elsewhere).
// IDs use the reserved test prefix TST so they can never collide with shipped SEC rules.

/// <summary>A GitHub-style token: <c>ghp_</c> plus 36 alphanumerics.</summary>
public sealed partial class TestGitHubToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } =
        new("TST001", nameof(TestGitHubToken), "Test GitHub token", Category.Secrets, Severity.High, Confidence.High);

    public override IReadOnlyList<string> Keywords { get; } = ["ghp_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public static string NewSecret() => TestCatalogue.NotPlaceholder(() => "ghp_" + Samples.Mixed(36));

    public override IEnumerable<string> TruePositives() { yield return "token = " + NewSecret(); }

    public override IEnumerable<string> FalsePositives() { yield return "ghp_" + new string('x', 36); }

    [GeneratedRegex(@"\bghp_[0-9A-Za-z]{36}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}

/// <summary>A PEM private key block, which spans lines and needs a wide window after its keyword.</summary>
public sealed partial class TestPrivateKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } =
        new("TST002", nameof(TestPrivateKey), "Test private key", Category.Secrets, Severity.Critical, Confidence.High);

    public override IReadOnlyList<string> Keywords { get; } = ["-----BEGIN"];

    public override Regex Pattern => Block;

    public override int WindowBefore => 0;

    public override int WindowAfter => 4200;

    public static string NewSecret() => TestCatalogue.NotPlaceholder(NewBlock);

    private static string NewBlock()
    {
        var body = Samples.Base64OfBytes(180);
        var lines = Enumerable.Range(0, (body.Length + 63) / 64).Select(i => body.Substring(i * 64, Math.Min(64, body.Length - (i * 64))));
        return "-----BEGIN RSA PRIVATE KEY-----\n" + string.Join('\n', lines) + "\n-----END RSA PRIVATE KEY-----";
    }

    public override IEnumerable<string> TruePositives() { yield return NewSecret(); }

    public override IEnumerable<string> FalsePositives() { yield return "-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----"; }

    [GeneratedRegex(@"-----BEGIN (?:RSA |EC )?PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n]{64,4096}?-----END (?:RSA |EC )?PRIVATE KEY-----",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexTimeoutMilliseconds)]
    private static partial Regex Block { get; }
}

/// <summary>A catch-all <c>secret = value</c> rule: generic and low confidence.</summary>
public sealed partial class TestGenericSecret : SecretPattern
{
    public override RuleMetadata Metadata { get; } =
        new("TST003", nameof(TestGenericSecret), "Test generic secret", Category.Secrets, Severity.Medium, Confidence.Low);

    public override IReadOnlyList<string> Keywords { get; } = ["secret", "token"];

    public override Regex Pattern => Assignment;

    public override bool IsGeneric => true;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives() { yield return "secret = " + Samples.Mixed(24); }

    public override IEnumerable<string> FalsePositives() { yield return "secret = ${SECRET}"; }

    [GeneratedRegex(@"(?i)(?:secret|token)[\w.-]{0,20}\s*[:=]\s*[""']?(?<secret>[A-Za-z0-9_+/=-]{16,})",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexTimeoutMilliseconds)]
    private static partial Regex Assignment { get; }
}

/// <summary>A base64-looking value (like an AWS secret key) behind a specific keyword.</summary>
public sealed partial class TestCloudSecretKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } =
        new("TST004", nameof(TestCloudSecretKey), "Test cloud secret key", Category.Secrets, Severity.High, Confidence.Medium);

    public override IReadOnlyList<string> Keywords { get; } = ["cloud_secret"];

    public override Regex Pattern => Key;

    public static string NewSecret() => TestCatalogue.NotPlaceholder(() => Samples.Mixed(20) + "/" + Samples.Mixed(19));

    public override IEnumerable<string> TruePositives() { yield return "cloud_secret_key = " + NewSecret(); }

    public override IEnumerable<string> FalsePositives() { yield return "cloud_secret_key = " + new string('A', 40); }

    [GeneratedRegex(@"cloud_secret\w*\s*[:=]\s*(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexTimeoutMilliseconds)]
    private static partial Regex Key { get; }
}

/// <summary>A rule whose pattern backtracks catastrophically on <c>bait:aaaa…!</c>; only its timeout saves the scan.</summary>
public sealed partial class TestBacktrackingBait : SecretPattern
{
    public override RuleMetadata Metadata { get; } =
        new("TST005", nameof(TestBacktrackingBait), "Test backtracking bait", Category.Secrets, Severity.Low, Confidence.Low);

    public override IReadOnlyList<string> Keywords { get; } = ["bait:"];

    public override Regex Pattern => Evil;

    public override IEnumerable<string> TruePositives() { yield return "bait:aab"; }

    public override IEnumerable<string> FalsePositives() { yield return "bait:"; }

    [GeneratedRegex(@"bait:(?<secret>(a+)+b)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexTimeoutMilliseconds)]
    private static partial Regex Evil { get; }
}

/// <summary>A token rule for throughput runs: one keyword and a fixed-length tail.</summary>
public sealed class DummyTokenRule : SecretPattern
{
    private readonly Regex pattern;

    public DummyTokenRule(int number, string keyword, int length)
    {
        Metadata = new($"TST{100 + number:D3}", $"DummyToken{number}", $"Dummy token {number}", Category.Secrets, Severity.High, Confidence.High);
        Keywords = [keyword];
        pattern = new Regex(Regex.Escape(keyword) + "[A-Za-z0-9]{" + length + @"}\b", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(RegexTimeoutMilliseconds));
    }

    public override RuleMetadata Metadata { get; }

    public override IReadOnlyList<string> Keywords { get; }

    public override Regex Pattern => pattern;

    public override IEnumerable<string> TruePositives() { yield break; }

    public override IEnumerable<string> FalsePositives() { yield break; }

    /// <summary>About twenty rules with realistic keyword shapes, plus the generic one.</summary>
    public static IReadOnlyList<SecretPattern> Catalogue()
    {
        string[] keywords =
        [
            "xoxb-", "akia", "sk_live_", "glpat-", "npm_", "pypi-", "ghs_", "gho_", "shpat_", "sg.",
            "key-", "hf_", "dop_v1_", "aiza", "sq0atp-", "rk_live_", "eaac", "ya29.", "xapp-",
        ];
        var rules = new List<SecretPattern> { new TestGitHubToken(), new TestGenericSecret() };
        rules.AddRange(keywords.Select((k, i) => new DummyTokenRule(i, k, 32)));
        return rules;
    }
}

/// <summary>Every test rule except the bait.</summary>
public static class TestCatalogue
{
    public static IReadOnlyList<SecretPattern> Rules { get; } =
        [new TestGitHubToken(), new TestPrivateKey(), new TestGenericSecret(), new TestCloudSecretKey()];

    /// <summary>
    /// A fresh sample that does not happen to contain a placeholder word ("todo", "dummy"...), which random
    /// alphanumerics do about once in ten thousand draws; tests that count findings must not flake on that.
    /// </summary>
    public static string NotPlaceholder(Func<string> generate)
    {
        while (true)
        {
            var sample = generate();
            if (!Placeholders.LooksLikePlaceholder(sample))
            {
                return sample;
            }
        }
    }
}
