using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC008: an Azure Storage connection string with an embedded account key.</summary>
public sealed partial class AzureStorageConnectionString : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC008",
        Name: "azure-storage-connection-string",
        Title: "Azure Storage connection string with account key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Description = "Detects Azure Storage connection strings (AccountName=...;AccountKey=..., usually with DefaultEndpointsProtocol "
            + "and EndpointSuffix) whose AccountKey is a real 64-byte key. The string alone is enough to read, overwrite and delete "
            + "all data in the account. The well-known Azurite emulator account (devstoreaccount1) is ignored.",
        Remediation = "Rotate the key named in the connection string (Storage account > Access keys > Rotate key, or az storage account "
            + "keys renew) and replace the string with a managed identity or a Key Vault reference such as @Microsoft.KeyVault(SecretUri=...).",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["accountkey"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.5;

    public override bool IsValid(string secret, Match match) =>
        Checksums.DecodedLength(secret) == 64
        && !string.Equals(match.Groups["account"].Value, "devstoreaccount1", StringComparison.OrdinalIgnoreCase)
        && !secret.StartsWith("Eby8vdM02xNOcqFl", StringComparison.Ordinal);

    public override IEnumerable<string> TruePositives()
    {
        yield return "AZURE_STORAGE_CONNECTION_STRING=\"DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey="
            + TokenFormats.AzureKey64() + ";EndpointSuffix=core.windows.net\"";
        yield return "\"StorageConnection\": \"AccountKey=" + TokenFormats.AzureKey64() + ";AccountName=acmelogs;DefaultEndpointsProtocol=https\"";
        yield return "<add key=\"Storage\" value=\"DefaultEndpointsProtocol=https;AccountName=acmedata;AccountKey=" + TokenFormats.AzureKey64("+ASt") + "\" />";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + TokenFormats.AzureKey64()
            + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";
        yield return "UseDevelopmentStorage=true";
        yield return "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=<your-account-key>;EndpointSuffix=core.windows.net";
        yield return "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=" + TokenFormats.Base64OfBytes(33) + ";EndpointSuffix=core.windows.net";
    }

    [GeneratedRegex(
        """(?i:AccountName)=(?<account>[A-Za-z0-9]{3,24});(?:[A-Za-z]{1,30}=[^;\s"'<>]{0,200};){0,4}?(?i:AccountKey)=(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])|(?i:AccountKey)=(?<secret>[A-Za-z0-9+/]{86}==);(?:[A-Za-z]{1,30}=[^;\s"'<>]{0,200};){0,4}?(?i:AccountName)=(?<account>[A-Za-z0-9]{3,24})(?![A-Za-z0-9])""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
