using System.Text.Json;
using Shipgate.Core;

namespace Shipgate.Containers.Images.Archives;

/// <summary>What a digest in a descriptor covers: the blob as stored, or the uncompressed tar (a Docker diff id).</summary>
internal enum DigestScope
{
    Stored,
    Uncompressed,
}

/// <summary>One layer blob: its member path, the digest to verify (if any) and what that digest covers.</summary>
internal sealed record LayerRef(string Member, string? Digest, DigestScope Scope, long? Size, string? MediaType);

/// <summary>
/// The pieces of one image inside an archive or layout: config member, layers bottom-up, the names it was saved
/// under. Built by <see cref="ImageLayoutReader"/>. Immutable.
/// </summary>
internal sealed record ImageLayout(
    string Format,
    string ConfigMember,
    string? ConfigDigest,
    IReadOnlyList<LayerRef> Layers,
    IReadOnlyList<string> References,
    IReadOnlyList<string> Notes);

/// <summary>
/// Reads <c>docker save</c>'s <c>manifest.json</c> or an OCI layout's <c>index.json</c> (following nested indexes
/// and picking linux/amd64, else the first real image) into an <see cref="ImageLayout"/>. Stateless.
/// </summary>
internal static class ImageLayoutReader
{
    private const string DockerReferenceType = "vnd.docker.reference.type";

    public static ImageLayout Read(BlobSource source, ImageReadOptions options, bool isTarball)
    {
        if (source.Exists("manifest.json"))
        {
            return ReadDockerArchive(source, options);
        }

        if (source.Exists("index.json"))
        {
            return ReadOciLayout(source, options, isTarball ? "oci-archive" : "oci-layout");
        }

        throw new InputFormatException(isTarball
            ? "neither manifest.json (docker save) nor index.json (OCI layout) found; not a container image archive"
            : "no index.json found; not an OCI image layout directory");
    }

    private static ImageLayout ReadDockerArchive(BlobSource source, ImageReadOptions options)
    {
        using var document = Parse(source, "manifest.json", options);
        if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() == 0)
        {
            throw new InputFormatException("manifest.json: expected a non-empty array of images");
        }

        var notes = new List<string>();
        var count = document.RootElement.GetArrayLength();
        if (count > 1)
        {
            notes.Add($"the archive holds {count} images; only the first was scanned");
        }

        var image = document.RootElement[0];
        var config = String(image, "Config") ?? throw new InputFormatException("manifest.json: the image has no Config");
        var layers = image.TryGetProperty("Layers", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(l => l.GetString() ?? throw new InputFormatException("manifest.json: a layer path is not a string")).ToList()
            : throw new InputFormatException("manifest.json: the image has no Layers");
        var tags = image.TryGetProperty("RepoTags", out var repoTags) && repoTags.ValueKind == JsonValueKind.Array
            ? repoTags.EnumerateArray().Select(t => t.GetString()).OfType<string>().ToList()
            : [];

        // Newer Docker stores layers as blobs/sha256/<digest>; older ones as <id>/layer.tar, verified later against the
        // config's diff ids (digests of the uncompressed tars).
        var configDigest = DigestFromMemberName(config);
        var refs = new List<LayerRef>();
        foreach (var layer in layers)
        {
            var digest = DigestFromMemberName(layer);
            refs.Add(new LayerRef(BlobSource.Normalise(layer), digest, DigestScope.Stored, null, null));
        }

        return new ImageLayout("docker-archive", BlobSource.Normalise(config), configDigest, refs, tags, notes);
    }

    private static ImageLayout ReadOciLayout(BlobSource source, ImageReadOptions options, string format)
    {
        using var index = Parse(source, "index.json", options);
        var notes = new List<string>();
        var (manifest, references) = PickManifest(source, index.RootElement, options, notes, depth: 0, []);
        using var document = manifest;
        var root = document.RootElement;
        if (!root.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object)
        {
            throw new InputFormatException("image manifest: no config descriptor");
        }

        var configDigest = Digest(config) ?? throw new InputFormatException("image manifest: the config descriptor has no digest");
        var layers = new List<LayerRef>();
        if (root.TryGetProperty("layers", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var layer in list.EnumerateArray())
            {
                var digest = Digest(layer) ?? throw new InputFormatException("image manifest: a layer descriptor has no digest");
                var size = layer.TryGetProperty("size", out var sz) && sz.TryGetInt64(out var n) ? n : (long?)null;
                layers.Add(new LayerRef(BlobPath(digest), digest, DigestScope.Stored, size, String(layer, "mediaType")));
            }
        }

        return new ImageLayout(format, BlobPath(configDigest), configDigest, layers, references, notes);
    }

    private static (JsonDocument Manifest, List<string> References) PickManifest(
        BlobSource source, JsonElement index, ImageReadOptions options, List<string> notes, int depth, List<string> references)
    {
        if (depth > 4)
        {
            throw new InputFormatException("image index: nested more than 4 levels deep");
        }

        if (!index.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
        {
            throw new InputFormatException("index.json: no manifests array");
        }

        var candidates = manifests.EnumerateArray()
            .Where(m => !(m.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object && a.TryGetProperty(DockerReferenceType, out _)))
            .Where(m => Platform(m) is not "unknown/unknown")
            .ToList();
        if (candidates.Count == 0)
        {
            throw new InputFormatException("index.json: lists no image manifest");
        }

        var chosen = candidates.FirstOrDefault(m => Platform(m) == "linux/amd64");
        if (chosen.ValueKind == JsonValueKind.Undefined)
        {
            chosen = candidates[0];
        }

        if (candidates.Count > 1)
        {
            notes.Add($"the index lists {candidates.Count} images; scanned {Platform(chosen) ?? "the first"}");
        }

        if (chosen.TryGetProperty("annotations", out var annotations) && annotations.ValueKind == JsonValueKind.Object)
        {
            foreach (var key in (ReadOnlySpan<string>)["io.containerd.image.name", "org.opencontainers.image.ref.name"])
            {
                if (String(annotations, key) is { Length: > 0 } name && !references.Contains(name))
                {
                    references.Add(name);
                }
            }
        }

        var digest = Digest(chosen) ?? throw new InputFormatException("index.json: a manifest descriptor has no digest");
        var bytes = source.ReadSmall(BlobPath(digest), options.MaxDocumentBytes);
        Verify(bytes, digest, "image manifest", options);
        var document = Parse(bytes, BlobPath(digest));
        var mediaType = String(document.RootElement, "mediaType") ?? String(chosen, "mediaType") ?? "";
        if (mediaType.Contains("index", StringComparison.Ordinal) || mediaType.Contains("manifest.list", StringComparison.Ordinal)
            || (document.RootElement.TryGetProperty("manifests", out _) && !document.RootElement.TryGetProperty("layers", out _)))
        {
            using (document)
            {
                return PickManifest(source, document.RootElement, options, notes, depth + 1, references);
            }
        }

        return (document, references);
    }

    public static void Verify(byte[] bytes, string digest, string what, ImageReadOptions options)
    {
        if (!options.VerifyDigests || !digest.StartsWith("sha256:", StringComparison.Ordinal))
        {
            return;
        }

        var actual = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        if (!string.Equals(actual, digest, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputFormatException($"{what} {Short(digest)}: digest mismatch (the blob is corrupt or was altered)");
        }
    }

    public static string Short(string digest) => digest.Length > 19 ? digest[..19] + "…" : digest;

    private static string? Platform(JsonElement descriptor) =>
        descriptor.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object
            ? $"{String(p, "os")}/{String(p, "architecture")}"
            : null;

    private static string BlobPath(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        var algorithm = colon > 0 ? digest[..colon] : "";
        var hex = colon > 0 ? digest[(colon + 1)..] : "";
        if (algorithm is not ("sha256" or "sha512") || hex.Length == 0 || !hex.All(char.IsAsciiHexDigitLower))
        {
            throw new InputFormatException($"unsupported or malformed digest '{Short(digest)}'");
        }

        return $"blobs/{algorithm}/{hex}";
    }

    private static string? DigestFromMemberName(string member)
    {
        var name = BlobSource.Normalise(member);
        var file = name[(name.LastIndexOf('/') + 1)..];
        if (file.EndsWith(".json", StringComparison.Ordinal))
        {
            file = file[..^5];
        }

        var inBlobs = name.StartsWith("blobs/sha256/", StringComparison.Ordinal);
        var looksLikeDigest = file.Length == 64 && file.All(char.IsAsciiHexDigitLower);
        return looksLikeDigest && (inBlobs || name.EndsWith(".json", StringComparison.Ordinal)) ? "sha256:" + file : null;
    }

    private static string? Digest(JsonElement descriptor) => String(descriptor, "digest");

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static JsonDocument Parse(BlobSource source, string member, ImageReadOptions options) =>
        Parse(source.ReadSmall(member, options.MaxDocumentBytes), member);

    public static JsonDocument Parse(byte[] bytes, string member)
    {
        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new InputFormatException($"{member}: invalid JSON ({ex.Message.TrimEnd('.')})", (int?)(ex.LineNumber + 1), (int?)(ex.BytePositionInLine + 1));
        }
    }
}
