using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shipgate.Dependencies.Sbom;

/// <summary>
/// Writes a CycloneDX 1.6 JSON BOM: metadata (timestamp, the tool, the project as the subject component), one
/// <c>library</c> component per package with its purl, hashes where the lockfile pins them and a scope (dev-only
/// packages are <c>excluded</c>, optional ones <c>optional</c>), the dependency graph where the lockfiles record it, and
/// — when given (see <see cref="CycloneDxVulnerabilities"/>) — the known vulnerabilities of the components.
/// Stateless; thread-safe.
/// </summary>
public static class CycloneDxWriter
{
    public const string SpecVersion = "1.6";

    /// <summary>The reference of the project component in <c>metadata.component</c>.</summary>
    public const string ProjectReference = "shipgate:project";

    private static readonly CycloneDxJsonContext Context = new(new JsonSerializerOptions(CycloneDxJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The BOM; <paramref name="vulnerabilities"/> null leaves the section out, empty writes it empty.</summary>
    public static CdxBom ToDocument(SbomGraph graph, SbomDocumentInfo info, IReadOnlyList<CdxVulnerability>? vulnerabilities = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(info);
        var components = graph.Components.Select(ToComponent).ToList();
        List<CdxDependency>? dependencies = null;
        if (graph.Components.Count > 0)
        {
            dependencies = [new CdxDependency(ProjectReference, [.. graph.Direct])];
            dependencies.AddRange(graph.Components.Select(c => new CdxDependency(c.Reference, [.. c.DependsOn])));
        }

        var metadata = new CdxMetadata(
            info.Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            new CdxTools([new CdxToolComponent("application", info.ToolName, info.ToolVersion)]),
            new CdxProject("application", ProjectReference, info.Subject));
        return new CdxBom("CycloneDX", SpecVersion, "urn:uuid:" + info.SerialNumber.ToString("D", CultureInfo.InvariantCulture), 1, metadata, components, dependencies, vulnerabilities);
    }

    public static async Task WriteAsync(SbomGraph graph, SbomDocumentInfo info, Stream output, CancellationToken cancellationToken, IReadOnlyList<CdxVulnerability>? vulnerabilities = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        await JsonSerializer.SerializeAsync(output, ToDocument(graph, info, vulnerabilities), Context.CdxBom, cancellationToken).ConfigureAwait(false);
        output.WriteByte((byte)'\n');
    }

    private static CdxComponent ToComponent(SbomComponent component)
    {
        var package = component.Package;
        var (group, name) = SplitName(package);
        List<CdxProperty> properties = [new("shipgate:ecosystem", package.Ecosystem.OsvName())];
        properties.AddRange(component.Sources.Select(s => new CdxProperty("shipgate:source", s)));
        if (component.Direct is { } direct)
        {
            properties.Add(new CdxProperty("shipgate:direct", direct ? "true" : "false"));
        }

        return new CdxComponent(
            "library",
            component.Reference,
            group,
            name,
            package.Version.Length > 0 ? package.Version : null,
            component.Reference,
            component.DevOnly ? "excluded" : component.OptionalOnly ? "optional" : "required",
            component.Hashes.Count > 0 ? [.. component.Hashes.Select(h => new CdxHash(h.Algorithm, h.Hex))] : null,
            component.DownloadLocation is { } url ? [new CdxExternalReference("distribution", url)] : null,
            properties);
    }

    /// <summary>npm scopes and Maven group ids become the CycloneDX group.</summary>
    private static (string? Group, string Name) SplitName(Package package)
    {
        switch (package.Ecosystem)
        {
            case Ecosystem.Npm when package.Name.StartsWith('@') && package.Name.IndexOf('/', StringComparison.Ordinal) is var slash and > 0:
                return (package.Name[..slash], package.Name[(slash + 1)..]);
            case Ecosystem.Maven when package.Name.IndexOf(':', StringComparison.Ordinal) is var colon and > 0:
                return (package.Name[..colon], package.Name[(colon + 1)..]);
            default:
                return (null, package.Name);
        }
    }
}

#pragma warning disable SA1402, CA1056 // The document model is small and belongs together; URLs are kept as written.
public sealed record CdxBom(
    string BomFormat,
    string SpecVersion,
    string SerialNumber,
    int Version,
    CdxMetadata Metadata,
    IReadOnlyList<CdxComponent> Components,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CdxDependency>? Dependencies,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CdxVulnerability>? Vulnerabilities = null);

public sealed record CdxMetadata(string Timestamp, CdxTools Tools, CdxProject Component);

public sealed record CdxTools(IReadOnlyList<CdxToolComponent> Components);

public sealed record CdxToolComponent(string Type, string Name, string Version);

public sealed record CdxProject(string Type, [property: JsonPropertyName("bom-ref")] string BomRef, string Name);

public sealed record CdxComponent(
    string Type,
    [property: JsonPropertyName("bom-ref")] string BomRef,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Group,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Version,
    string Purl,
    string Scope,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CdxHash>? Hashes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CdxExternalReference>? ExternalReferences,
    IReadOnlyList<CdxProperty> Properties);

public sealed record CdxHash(string Alg, string Content);

public sealed record CdxExternalReference(string Type, string Url);

public sealed record CdxProperty(string Name, string Value);

public sealed record CdxDependency(string Ref, IReadOnlyList<string> DependsOn);

/// <summary>One entry of <c>vulnerabilities</c> (CycloneDX 1.6), built by <see cref="CycloneDxVulnerabilities"/>.</summary>
public sealed record CdxVulnerability(
    [property: JsonPropertyName("bom-ref")] string BomRef,
    string Id,
    CdxVulnerabilitySource Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CdxVulnerabilityReference>? References,
    IReadOnlyList<CdxRating> Ratings,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<int>? Cwes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Recommendation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CdxAdvisory>? Advisories,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Published,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Updated,
    IReadOnlyList<CdxAffects> Affects);

public sealed record CdxVulnerabilitySource(string Name, string Url);

public sealed record CdxVulnerabilityReference(string Id, CdxVulnerabilitySource Source);

public sealed record CdxRating(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Score,
    string Severity,
    string Method,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Vector,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Justification);

public sealed record CdxAdvisory(string Url);

public sealed record CdxAffects(string Ref, IReadOnlyList<CdxAffectedVersion> Versions);

public sealed record CdxAffectedVersion(string Version, string Status);
#pragma warning restore SA1402, CA1056

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(CdxBom))]
internal sealed partial class CycloneDxJsonContext : JsonSerializerContext;
