using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC072: a Cloudflare Origin CA key (<c>v1.0-</c> + 24 hex + <c>-</c> + 146 hex).</summary>
public sealed partial class CloudflareOriginCaKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC072",
        Name: "cloudflare-origin-ca-key",
        Title: "Cloudflare Origin CA key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:cloudflare-origin-ca-key"],
        Description = "Detects Cloudflare Origin CA keys (v1.0-, 24 hex characters, a dash and 146 hex characters), the user service "
            + "key used to create and revoke Origin CA certificates. With it an attacker can issue certificates Cloudflare "
            + "trusts for your origins or revoke the ones in use.",
        Remediation = "Change the Origin CA key in the Cloudflare dashboard (My Profile > API Tokens > Origin CA Key), and use a "
            + "scoped API token with the SSL and Certificates permission instead, kept in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["v1.0-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "CLOUDFLARE_ORIGIN_CA_KEY=v1.0-" + TokenFormats.Hex(24) + "-" + TokenFormats.Hex(146);
        yield return "origin_ca_key = \"v1.0-" + TokenFormats.Hex(24) + "-" + TokenFormats.Hex(146) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "CLOUDFLARE_ORIGIN_CA_KEY=v1.0-" + new string('0', 24) + "-" + new string('0', 146);
        yield return "CLOUDFLARE_ORIGIN_CA_KEY=v1.0-" + TokenFormats.Hex(24) + "-" + TokenFormats.Hex(140);
        yield return "release: v1.0-beta";
        yield return "CLOUDFLARE_ORIGIN_CA_KEY=${CLOUDFLARE_ORIGIN_CA_KEY}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])v1\.0-[a-f0-9]{24}-[a-f0-9]{146}(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
