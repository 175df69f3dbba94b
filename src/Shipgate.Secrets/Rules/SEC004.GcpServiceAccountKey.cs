using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC004: a Google Cloud service-account key file (JSON with <c>"type": "service_account"</c> and a private key).</summary>
public sealed partial class GcpServiceAccountKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC004",
        Name: "gcp-service-account-key",
        Title: "Google Cloud service account key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gcp-service-account-key"],
        Description = "Detects Google Cloud service-account key files: a JSON object with \"type\": \"service_account\" and a "
            + "\"private_key\" PEM whose body decodes to a real DER key. Anyone holding the file can mint OAuth tokens as the "
            + "service account, which in CI is frequently an owner or editor of the project, until the key is deleted.",
        Remediation = "Delete the key in IAM & Admin > Service accounts > Keys (gcloud iam service-accounts keys delete), check Cloud "
            + "Audit Logs for its use, and switch CI to Workload Identity Federation; if a key is unavoidable, keep it in Secret Manager.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Supersedes { get; } = ["SEC156", "SEC151"];

    public override IReadOnlyList<string> Keywords { get; } = ["service_account"];

    public override Regex Pattern => Token;

    /// <summary>The key file is long: the private key can sit a few thousand characters away from <c>"type"</c>.</summary>
    public override int WindowBefore => 6000;

    /// <inheritdoc cref="WindowBefore"/>
    public override int WindowAfter => 6000;

    public override bool IsValid(string secret, Match match) => TokenFormats.IsPemPrivateKey(secret);

    /// <summary>The DER check in <see cref="IsValid"/> already rejects redacted or invented key bodies.</summary>
    public override bool IsPlaceholder(string secret) => false;

    public override IEnumerable<string> TruePositives()
    {
        yield return TokenFormats.GcpServiceAccountJson(typeFirst: true);
        yield return TokenFormats.GcpServiceAccountJson(typeFirst: false);
        yield return "GOOGLE_CREDENTIALS='" + TokenFormats.GcpServiceAccountJson(typeFirst: true).Replace("\n", "", StringComparison.Ordinal) + "'";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "{ \"type\": \"service_account\", \"project_id\": \"acme\", \"client_email\": \"ci@acme.iam.gserviceaccount.com\" }";
        yield return "{ \"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + new string('X', 1200)
            + "\\n-----END PRIVATE KEY-----\\n\" }";
        yield return "{ \"type\": \"service_account\", \"private_key\": \"${GCP_PRIVATE_KEY}\" }";
        yield return TokenFormats.GcpServiceAccountJson(typeFirst: true).Replace("service_account", "authorized_user", StringComparison.Ordinal);
    }

    [GeneratedRegex(
        """\\?"type\\?"\s*:\s*\\?"service_account\\?"[^{}]{0,2000}?\\?"private_key\\?"\s*:\s*\\?"(?<secret>-----BEGIN (?:RSA )?PRIVATE KEY-----[A-Za-z0-9+/=\\\s]{100,6000}?-----END (?:RSA )?PRIVATE KEY-----(?:\\{1,2}n)?)|\\?"private_key\\?"\s*:\s*\\?"(?<secret>-----BEGIN (?:RSA )?PRIVATE KEY-----[A-Za-z0-9+/=\\\s]{100,6000}?-----END (?:RSA )?PRIVATE KEY-----(?:\\{1,2}n)?)\\?"[^{}]{0,2000}?\\?"type\\?"\s*:\s*\\?"service_account\\?["]""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
