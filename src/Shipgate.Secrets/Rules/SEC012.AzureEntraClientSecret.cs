using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC012: a Microsoft Entra ID (Azure AD) application client secret (<c>xxx8Q~...</c>).</summary>
public sealed partial class AzureEntraClientSecret : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC012",
        Name: "azure-entra-client-secret",
        Title: "Microsoft Entra ID client secret",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:azure-ad-client-secret"],
        Description = "Detects Microsoft Entra ID (Azure AD) app registration client secrets, which carry a version digit and Q~ at "
            + "positions 4-6 (7Q~ for older, 8Q~ for current secrets) followed by 31-34 characters. With the tenant and client id, "
            + "a secret lets anyone obtain tokens as the application and use every API permission it was granted, such as Microsoft "
            + "Graph or Azure Resource Manager roles.",
        Remediation = "Delete the secret under App registrations > Certificates & secrets and add a new one only if needed; prefer "
            + "certificate credentials, managed identities or federated credentials (workload identity federation) for CI.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["0q~", "1q~", "2q~", "3q~", "4q~", "5q~", "6q~", "7q~", "8q~", "9q~"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    public override bool IsValid(string secret, Match match) => TokenFormats.HasMixedCase(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "AZURE_CLIENT_SECRET=" + TokenFormats.EntraClientSecret();
        yield return "\"ClientSecret\": \"" + TokenFormats.EntraClientSecret() + "\",";
        yield return "az login --service-principal -u " + Guid.NewGuid() + " -p '" + TokenFormats.EntraClientSecret() + "' --tenant acme.onmicrosoft.com";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "AZURE_CLIENT_SECRET=bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        yield return "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~";
        yield return "'url': 'http://www.2doc.nl/speel~VARA_101375237~mh17-het-verdriet-van-nederland~.html'";
        yield return "sig=" + TokenFormats.Mixed(40) + TokenFormats.EntraClientSecret();
    }

    // Anchored on the fixed signature, so the search is a vectorised IndexOf; the look-behind re-reads the whole key into "secret".
    [GeneratedRegex(
        @"Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])(?<=(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}))",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
