using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC013: an Azure Cosmos DB account key (connection string, Cosmos key setting, or <c>ACDb</c> signature).</summary>
public sealed partial class AzureCosmosDbKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC013",
        Name: "azure-cosmos-db-key",
        Title: "Azure Cosmos DB account key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Description = "Detects Azure Cosmos DB primary and secondary keys (88 base64 characters, 64 bytes) in AccountEndpoint=...;"
            + "AccountKey=... connection strings, in Cosmos key settings, or on their own when they carry the ACDb signature of "
            + "identifiable keys. A read-write key gives full data-plane access to every database and container in the account. "
            + "The public emulator key is ignored.",
        Remediation = "Regenerate the key under Cosmos DB account > Keys (or az cosmosdb keys regenerate) after moving clients to the "
            + "other key, then switch to Microsoft Entra ID role-based access or load the key from Key Vault.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["documents.azure.com", "cosmos", "acdb"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.5;

    public override bool IsValid(string secret, Match match) =>
        Checksums.DecodedLength(secret) == 64 && !secret.StartsWith("C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw", StringComparison.Ordinal);

    public override IEnumerable<string> TruePositives()
    {
        yield return "\"CosmosDb\": \"AccountEndpoint=https://acme-orders.documents.azure.com:443/;AccountKey=" + TokenFormats.AzureKey64() + ";\"";
        yield return "COSMOS_PRIMARY_KEY=" + TokenFormats.AzureKey64();
        yield return "const key = \"" + TokenFormats.AzureKey64("ACDb") + "\";";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
        yield return "COSMOS_KEY=${COSMOS_KEY}";
        yield return "const key = \"" + TokenFormats.AzureKey64() + "\";";
        yield return "COSMOS_PRIMARY_KEY=" + TokenFormats.Base64OfBytes(63);
    }

    // Anchored on the fixed signature, so the search is a vectorised IndexOf; the look-behind re-reads the whole key into "secret".
    [GeneratedRegex(
        """(?i:AccountEndpoint)=https://[A-Za-z0-9-]{3,50}\.documents\.azure\.com(?::443)?/?;\s*(?i:AccountKey)=(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])|(?i:cosmos[\w.-]{0,30}?key\w{0,10})["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])|ACDb[A-Za-z0-9+/]{5}[AQgw]==(?![A-Za-z0-9+/=])(?<=(?<![A-Za-z0-9+/])(?<secret>[A-Za-z0-9+/]{76}ACDb[A-Za-z0-9+/]{5}[AQgw]==))""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
