using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shipgate.Reporting.Json;

/// <summary>Source-generated serialisation for report v1: explicit, reflection-free and trim-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n")]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class JsonReportContext : JsonSerializerContext
{
    /// <summary>
    /// The context the writer uses: as <see cref="JsonSerializerContext.Options"/> of <c>Default</c>, but
    /// non-ASCII text stays readable instead of becoming <c>\uXXXX</c>. Reports are files, never inlined into HTML.
    /// </summary>
    public static JsonReportContext Output { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
