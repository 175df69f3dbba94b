using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC007: an Azure Storage account key assigned to a storage key name, passed to the CLI, or carrying the <c>+ASt</c> signature.</summary>
public sealed partial class AzureStorageAccountKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC007",
        Name: "azure-storage-account-key",
        Title: "Azure Storage account key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Description = "Detects Azure Storage account access keys (88 base64 characters that decode to 64 bytes) assigned to a "
            + "storage key setting such as AZURE_STORAGE_KEY or storage_account_access_key, passed as --account-key, or recognisable "
            + "on their own by the +ASt signature of identifiable keys. An account key grants full control of every blob, queue, "
            + "table and file share in the account and can sign unlimited SAS tokens.",
        Remediation = "Rotate the key in the portal (Storage account > Security + networking > Access keys > Rotate key) or with "
            + "az storage account keys renew, then switch clients to Microsoft Entra ID auth or load the key from Key Vault.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["storage", "account-key", "+ast"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.5;

    public override bool IsValid(string secret, Match match) => Checksums.DecodedLength(secret) == 64;

    public override IEnumerable<string> TruePositives()
    {
        yield return "AZURE_STORAGE_KEY=" + TokenFormats.AzureKey64();
        yield return "  storage_account_access_key = \"" + TokenFormats.AzureKey64() + "\"";
        yield return "az storage blob upload --account-name acmeprod --account-key " + TokenFormats.AzureKey64() + " -f app.zip";
        yield return "\"primaryKey\": \"" + TokenFormats.AzureKey64("+ASt") + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "AZURE_STORAGE_KEY=${{ secrets.AZURE_STORAGE_KEY }}";
        yield return "AZURE_STORAGE_KEY=" + TokenFormats.Base64OfBytes(48);
        yield return "storage_key = \"" + new string('A', 86) + "==\"";
        yield return "\"primaryKey\": \"" + TokenFormats.AzureKey64() + "\"";
    }

    // Anchored on the fixed signature, so the search is a vectorised IndexOf; the look-behind re-reads the whole key into "secret".
    [GeneratedRegex(
        """(?i:storage[\w.-]{0,30}?(?:access[_-]?)?key\w{0,10})["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])|--account-key[\s=]+["']?(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])|\+ASt[A-Za-z0-9+/]{5}[AQgw]==(?![A-Za-z0-9+/=])(?<=(?<![A-Za-z0-9+/])(?<!AccountKey=)(?<secret>[A-Za-z0-9+/]{76}\+ASt[A-Za-z0-9+/]{5}[AQgw]==))""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
