using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC014: a <c>SharedAccessKey=</c> in a Service Bus, Event Hubs, Relay or IoT Hub connection string.</summary>
public sealed partial class AzureSharedAccessKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC014",
        Name: "azure-shared-access-key",
        Title: "Azure Service Bus, Event Hubs or IoT Hub shared access key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Description = "Detects the SharedAccessKey= part of Azure Service Bus, Event Hubs, Relay and IoT Hub connection strings "
            + "(Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=... or HostName=...azure-devices.net;...), a 32-byte base64 "
            + "key. Depending on the policy it can send, listen to or manage the namespace; RootManageSharedAccessKey and "
            + "iothubowner grant full control.",
        Remediation = "Regenerate the primary or secondary key of the shared access policy (Namespace > Shared access policies > "
            + "Regenerate, or az servicebus namespace authorization-rule keys renew), then use managed identities or Key Vault.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sharedaccesskey"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    public override bool IsValid(string secret, Match match) => Checksums.DecodedLength(secret) == 32;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SERVICEBUS=\"Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey="
            + TokenFormats.AzureKey32() + "\"";
        yield return "\"EventHub\": \"Endpoint=sb://acme-telemetry.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey="
            + TokenFormats.AzureKey32() + ";EntityPath=events\"";
        yield return "HostName=acme-iot.azure-devices.net;DeviceId=sensor-17;SharedAccessKey=" + TokenFormats.AzureKey32();
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>";
        yield return "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=" + TokenFormats.Base64OfBytes(24);
        yield return "SharedAccessKeyName=RootManageSharedAccessKey";
        yield return "SharedAccessKey=" + new string('A', 43) + "=";
    }

    [GeneratedRegex(
        @"(?i:SharedAccessKey)=(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
