using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shipgate.Dependencies.Output;

/// <summary>The <c>deps list --format json</c> document, version 1. Field names are part of the CLI contract.</summary>
public sealed record PackageListDocument(int SchemaVersion, IReadOnlyList<PackageEntry> Packages, IReadOnlyList<ErrorEntry> Errors);

public sealed record PackageEntry(string Name, string Version, string Ecosystem, string Purl, SourceEntry Source, bool? Direct, bool? Dev)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Optional { get; init; }
}

public sealed record SourceEntry(string Path, int? Line);

public sealed record ErrorEntry(string Path, string Message, int? Line);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PackageListDocument))]
internal sealed partial class PackageListJsonContext : JsonSerializerContext;

/// <summary>Writes a <see cref="DependencyInventory"/> as the versioned JSON package list.</summary>
public static class PackageListJson
{
    public const int SchemaVersion = 1;

    /// <summary>Readable output (no <c>\u0027</c> for quotes); the file is data, never embedded in HTML.</summary>
    private static readonly PackageListJsonContext Context = new(new JsonSerializerOptions(PackageListJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static PackageListDocument ToDocument(DependencyInventory inventory) => new(
        SchemaVersion,
        [.. inventory.Packages.Select(p => new PackageEntry(p.Name, p.Version, p.Ecosystem.OsvName(), p.Purl, new SourceEntry(p.SourcePath, p.Line), p.Direct, p.Dev) { Optional = p.Optional })],
        [.. inventory.Errors.Select(e => new ErrorEntry(e.Path, e.Message, e.Line))]);

    public static async Task WriteAsync(DependencyInventory inventory, Stream output, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(output, ToDocument(inventory), Context.PackageListDocument, cancellationToken).ConfigureAwait(false);
        output.WriteByte((byte)'\n');
    }
}
