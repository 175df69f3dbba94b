using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shipgate.Dependencies.Sbom;

/// <summary>
/// Writes an SPDX 2.3 JSON document: the project as the described package, one package per component with its purl
/// (an external reference of category PACKAGE-MANAGER), checksums where the lockfile pins them and the download URL
/// where it records one, and relationships — the document DESCRIBES the project; the project DEPENDS_ON its direct
/// packages and on every package nothing else depends on; packages DEPENDS_ON the packages the lockfile graph records;
/// development-only packages the project uses directly are DEV_DEPENDENCY_OF it instead. Stateless; thread-safe.
/// </summary>
public static class SpdxWriter
{
    public const string ProjectId = "SPDXRef-Project";

    private static readonly SpdxJsonContext Context = new(new JsonSerializerOptions(SpdxJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static SpdxDocument ToDocument(SbomGraph graph, SbomDocumentInfo info)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(info);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < graph.Components.Count; i++)
        {
            ids[graph.Components[i].Reference] = "SPDXRef-Package-" + (i + 1).ToString(CultureInfo.InvariantCulture) + "-" + SafeId(graph.Components[i].Package.Name);
        }

        var packages = new List<SpdxPackage>
        {
            new(info.Subject, ProjectId, null, "NOASSERTION", false, "NOASSERTION", "NOASSERTION", "NOASSERTION", null, null, "APPLICATION"),
        };
        packages.AddRange(graph.Components.Select(c => new SpdxPackage(
            c.Package.Name,
            ids[c.Reference],
            c.Package.Version.Length > 0 ? c.Package.Version : null,
            c.DownloadLocation ?? "NOASSERTION",
            false,
            "NOASSERTION",
            "NOASSERTION",
            "NOASSERTION",
            c.Hashes.Count > 0 ? [.. c.Hashes.Select(h => new SpdxChecksum(h.Algorithm.Replace("-", "", StringComparison.Ordinal), h.Hex))] : null,
            [new SpdxExternalRef("PACKAGE-MANAGER", "purl", c.Reference)],
            "LIBRARY")));

        var relationships = new List<SpdxRelationship> { new("SPDXRef-DOCUMENT", "DESCRIBES", ProjectId) };
        var roots = graph.Direct.ToHashSet(StringComparer.Ordinal);
        foreach (var component in graph.Components)
        {
            var id = ids[component.Reference];
            if (roots.Contains(component.Reference))
            {
                relationships.Add(component.DevOnly
                    ? new SpdxRelationship(id, "DEV_DEPENDENCY_OF", ProjectId)
                    : new SpdxRelationship(ProjectId, "DEPENDS_ON", id));
            }

            relationships.AddRange(component.DependsOn.Where(ids.ContainsKey).Select(target => new SpdxRelationship(id, "DEPENDS_ON", ids[target])));
        }

        var created = info.Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new SpdxDocument(
            "SPDX-2.3",
            "CC0-1.0",
            "SPDXRef-DOCUMENT",
            info.Subject,
            $"https://spdx.org/spdxdocs/shipgate/{Uri.EscapeDataString(SafeId(info.Subject))}-{info.SerialNumber.ToString("D", CultureInfo.InvariantCulture)}",
            new SpdxCreationInfo(created, [$"Tool: {info.ToolName}-{info.ToolVersion}"]),
            [ProjectId],
            packages,
            relationships);
    }

    public static async Task WriteAsync(SbomGraph graph, SbomDocumentInfo info, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await JsonSerializer.SerializeAsync(output, ToDocument(graph, info), Context.SpdxDocument, cancellationToken).ConfigureAwait(false);
        output.WriteByte((byte)'\n');
    }

    /// <summary>SPDX ids allow letters, digits, '.' and '-' only.</summary>
    private static string SafeId(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        }

        return builder.Length == 0 ? "unnamed" : builder.ToString();
    }
}

#pragma warning disable SA1402 // The document model is small and belongs together.
public sealed record SpdxDocument(
    string SpdxVersion,
    string DataLicense,
    [property: JsonPropertyName("SPDXID")] string SpdxId,
    string Name,
    string DocumentNamespace,
    SpdxCreationInfo CreationInfo,
    IReadOnlyList<string> DocumentDescribes,
    IReadOnlyList<SpdxPackage> Packages,
    IReadOnlyList<SpdxRelationship> Relationships);

public sealed record SpdxCreationInfo(string Created, IReadOnlyList<string> Creators);

public sealed record SpdxPackage(
    string Name,
    [property: JsonPropertyName("SPDXID")] string SpdxId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? VersionInfo,
    string DownloadLocation,
    bool FilesAnalyzed,
    string LicenseConcluded,
    string LicenseDeclared,
    string CopyrightText,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SpdxChecksum>? Checksums,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SpdxExternalRef>? ExternalRefs,
    string PrimaryPackagePurpose);

public sealed record SpdxChecksum(string Algorithm, string ChecksumValue);

public sealed record SpdxExternalRef(string ReferenceCategory, string ReferenceType, string ReferenceLocator);

public sealed record SpdxRelationship(string SpdxElementId, string RelationshipType, string RelatedSpdxElement);
#pragma warning restore SA1402

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SpdxDocument))]
internal sealed partial class SpdxJsonContext : JsonSerializerContext;
