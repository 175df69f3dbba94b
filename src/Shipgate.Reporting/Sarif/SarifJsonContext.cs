using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shipgate.Reporting.Sarif;

/// <summary>Source-generated serialisation for the SARIF object model. Nulls are omitted, as SARIF producers do.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n")]
[JsonSerializable(typeof(SarifLog))]
[JsonSerializable(typeof(string))]
internal sealed partial class SarifJsonContext : JsonSerializerContext
{
    /// <summary>The writer's context: like <c>Default</c>, but non-ASCII text stays readable.</summary>
    public static SarifJsonContext Output { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
