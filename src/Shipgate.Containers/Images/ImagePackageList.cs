using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Shipgate.Containers.Images.Packages;

namespace Shipgate.Containers.Images;

/// <summary>The <c>image scan --list-packages --format json</c> document, version 1. Field names are part of the CLI contract.</summary>
public sealed record ImagePackageListDocument(int SchemaVersion, IReadOnlyList<ImageEntry> Images, IReadOnlyList<ImageErrorEntry> Errors);

public sealed record ImageEntry(
    string Path,
    string Format,
    IReadOnlyList<string> References,
    string Id,
    string? Architecture,
    OperatingSystemEntry? OperatingSystem,
    IReadOnlyList<PackageEntry> Packages,
    IReadOnlyList<ImageErrorEntry> Notes);

public sealed record OperatingSystemEntry(string Id, string? Version, string? Name, string? Ecosystem);

public sealed record PackageEntry(string Name, string Version, string Type, string? Ecosystem, string Purl, string Location)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SourceName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SourceVersion { get; init; }
}

public sealed record ImageErrorEntry(string Path, string Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ImagePackageListDocument))]
[JsonSerializable(typeof(ImageEntry))]
[JsonSerializable(typeof(string))]
internal sealed partial class ImagePackageListJsonContext : JsonSerializerContext;

/// <summary>Writes the packages of scanned images as the versioned JSON list.</summary>
public static class ImagePackageList
{
    public const int SchemaVersion = 1;

    private static readonly ImagePackageListJsonContext Context = new(new JsonSerializerOptions(ImagePackageListJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>A string as the list writes it (quoted, relaxed escaping), for looking text up in a rendered entry.</summary>
    internal static string Quote(string value) => JsonSerializer.Serialize(value, Context.String);

    public static ImageEntry ToEntry(ContainerImage image, IReadOnlyList<ImagePackage> packages, IReadOnlyList<ImageNote> notes)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(notes);
        var os = image.Inventory.OperatingSystem;
        return new ImageEntry(
            image.DisplayName,
            image.Format,
            image.References,
            image.ConfigDigest,
            image.Config.Architecture,
            os is null ? null : new OperatingSystemEntry(os.Id, os.VersionId, os.PrettyName, os.Ecosystem),
            [.. packages.Select(p => new PackageEntry(p.Name, p.Version, p.Type, p.Ecosystem, p.Purl, p.Location) { SourceName = p.SourceName == p.Name ? null : p.SourceName, SourceVersion = p.SourceVersion == p.Version ? null : p.SourceVersion })],
            [.. notes.Select(n => new ImageErrorEntry(n.Path, n.Message))]);
    }

    /// <summary>One image's entry as indented JSON, as it appears in the list.</summary>
    public static string Render(ImageEntry entry) => JsonSerializer.Serialize(entry, Context.ImageEntry) + "\n";

    /// <summary>Reads an entry written by <see cref="Render"/> back into packages. Throws <see cref="JsonException"/>.</summary>
    public static (ImageEntry Entry, IReadOnlyList<ImagePackage> Packages) Parse(string json)
    {
        var entry = JsonSerializer.Deserialize(json, Context.ImageEntry) ?? throw new JsonException("empty package list");
        var packages = entry.Packages
            .Select(p => new ImagePackage(p.Type, p.Name, p.Version, p.Ecosystem, p.Purl, p.Location)
            {
                SourceName = p.SourceName ?? (p.Type is "deb" or "apk" or "rpm" ? p.Name : null),
                SourceVersion = p.SourceVersion ?? (p.Type is "deb" or "apk" or "rpm" ? p.Version : null),
            })
            .ToList();
        return (entry, packages);
    }

    public static async Task WriteAsync(ImagePackageListDocument document, Stream output, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(output, document, Context.ImagePackageListDocument, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}
