using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Shipgate.Containers.Tests.Images;

/// <summary>Builds one layer tar in memory with real tar entries (regular files, directories, links, whiteouts).</summary>
internal sealed class LayerBuilder
{
    private readonly List<Action<TarWriter>> entries = [];

    public LayerBuilder File(string path, string content) => File(path, Encoding.UTF8.GetBytes(content));

    public LayerBuilder File(string path, byte[] content)
    {
        entries.Add(w =>
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(content) };
            w.WriteEntry(entry);
        });
        return this;
    }

    public LayerBuilder Directory(string path)
    {
        entries.Add(w => w.WriteEntry(new PaxTarEntry(TarEntryType.Directory, path)));
        return this;
    }

    public LayerBuilder Symlink(string path, string target)
    {
        entries.Add(w => w.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, path) { LinkName = target }));
        return this;
    }

    public LayerBuilder HardLink(string path, string target)
    {
        entries.Add(w => w.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, path) { LinkName = target }));
        return this;
    }

    public LayerBuilder Device(string path)
    {
        entries.Add(w => w.WriteEntry(new PaxTarEntry(TarEntryType.CharacterDevice, path) { DeviceMajor = 1, DeviceMinor = 3 }));
        return this;
    }

    public LayerBuilder Whiteout(string path)
    {
        var slash = path.LastIndexOf('/');
        var whiteout = slash < 0 ? ".wh." + path : path[..(slash + 1)] + ".wh." + path[(slash + 1)..];
        return File(whiteout, "");
    }

    public LayerBuilder Opaque(string directory) => File(directory.TrimEnd('/') + "/.wh..wh..opq", "");

    public byte[] Build()
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                entry(writer);
            }
        }

        return buffer.ToArray();
    }
}

internal enum Compression
{
    None,
    Gzip,
    Zstd,
}

/// <summary>
/// Writes real image archives: <c>docker save</c> tarballs (legacy <c>ID/layer.tar</c> members) and OCI layouts
/// (directory or tar) with gzip, zstd or plain layers, and configs whose diff ids match the layers.
/// </summary>
internal static class ImageBuilder
{
    public static JsonObject Config(Action<JsonObject>? configure = null)
    {
        var config = new JsonObject { ["User"] = "app", ["Healthcheck"] = new JsonObject { ["Test"] = new JsonArray("CMD", "true") } };
        configure?.Invoke(config);
        return new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = config,
            ["history"] = new JsonArray(new JsonObject { ["created_by"] = "/bin/sh -c #(nop) ADD file:base in /" }),
        };
    }

    public static byte[] Compress(byte[] tar, Compression compression)
    {
        switch (compression)
        {
            case Compression.Gzip:
                using (var buffer = new MemoryStream())
                {
                    using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        gzip.Write(tar);
                    }

                    return buffer.ToArray();
                }

            case Compression.Zstd:
                using (var compressor = new ZstdSharp.Compressor(3))
                {
                    return compressor.Wrap(tar).ToArray();
                }

            default:
                return tar;
        }
    }

    public static string Sha256(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A legacy <c>docker save</c> archive: manifest.json, <c>HEX.json</c> config, <c>N/layer.tar</c> layers.</summary>
    public static string DockerArchive(string directory, IReadOnlyList<byte[]> layers, string[]? repoTags = null, JsonObject? config = null, string name = "image.tar")
    {
        config ??= Config();
        config["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray([.. layers.Select(l => (JsonNode)Sha256(l))]) };
        var configBytes = Encoding.UTF8.GetBytes(config.ToJsonString());
        var configName = Sha256(configBytes)["sha256:".Length..] + ".json";
        var members = new List<(string, byte[])> { (configName, configBytes) };
        var layerNames = new JsonArray();
        for (var i = 0; i < layers.Count; i++)
        {
            var member = $"layer{i}/layer.tar";
            members.Add((member, layers[i]));
            layerNames.Add(member);
        }

        var manifest = new JsonArray(new JsonObject
        {
            ["Config"] = configName,
            ["RepoTags"] = repoTags is null ? null : new JsonArray([.. repoTags.Select(t => (JsonNode)t)]),
            ["Layers"] = layerNames,
        });
        members.Insert(0, ("manifest.json", Encoding.UTF8.GetBytes(manifest.ToJsonString())));
        var path = Path.Combine(directory, name);
        System.IO.File.WriteAllBytes(path, Tar(members));
        return path;
    }

    /// <summary>An OCI image layout directory with the layers compressed as asked; <paramref name="refName"/> goes into the index annotations.</summary>
    public static string OciLayout(string directory, IReadOnlyList<(byte[] Tar, Compression Compression)> layers, string? refName = null, JsonObject? config = null, string name = "layout")
    {
        var root = Path.Combine(directory, name);
        System.IO.Directory.CreateDirectory(Path.Combine(root, "blobs", "sha256"));
        foreach (var (member, bytes) in OciMembers(layers, refName, config))
        {
            var path = Path.Combine(root, member);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllBytes(path, bytes);
        }

        return root;
    }

    /// <summary>The same layout packed as one tar (what <c>skopeo copy … oci-archive:</c> and Docker 25+ write).</summary>
    public static string OciArchive(string directory, IReadOnlyList<(byte[] Tar, Compression Compression)> layers, string? refName = null, JsonObject? config = null, string name = "image-oci.tar")
    {
        var path = Path.Combine(directory, name);
        System.IO.File.WriteAllBytes(path, Tar(OciMembers(layers, refName, config)));
        return path;
    }

    public static List<(string Member, byte[] Bytes)> OciMembers(IReadOnlyList<(byte[] Tar, Compression Compression)> layers, string? refName, JsonObject? config)
    {
        config ??= Config();
        config["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray([.. layers.Select(l => (JsonNode)Sha256(l.Tar))]) };
        var members = new List<(string, byte[])>();
        var configBytes = Encoding.UTF8.GetBytes(config.ToJsonString());
        members.Add((Blob(configBytes), configBytes));
        var layerDescriptors = new JsonArray();
        foreach (var (tar, compression) in layers)
        {
            var blob = Compress(tar, compression);
            members.Add((Blob(blob), blob));
            layerDescriptors.Add(new JsonObject
            {
                ["mediaType"] = compression switch
                {
                    Compression.Gzip => "application/vnd.oci.image.layer.v1.tar+gzip",
                    Compression.Zstd => "application/vnd.oci.image.layer.v1.tar+zstd",
                    _ => "application/vnd.oci.image.layer.v1.tar",
                },
                ["digest"] = Sha256(blob),
                ["size"] = blob.Length,
            });
        }

        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = Sha256(configBytes), ["size"] = configBytes.Length },
            ["layers"] = layerDescriptors,
        };
        var manifestBytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        members.Add((Blob(manifestBytes), manifestBytes));
        var descriptor = new JsonObject
        {
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["digest"] = Sha256(manifestBytes),
            ["size"] = manifestBytes.Length,
            ["platform"] = new JsonObject { ["os"] = "linux", ["architecture"] = "amd64" },
        };
        if (refName is not null)
        {
            descriptor["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = refName };
        }

        var index = new JsonObject { ["schemaVersion"] = 2, ["manifests"] = new JsonArray(descriptor) };
        members.Insert(0, ("oci-layout", Encoding.UTF8.GetBytes("{\"imageLayoutVersion\":\"1.0.0\"}")));
        members.Insert(1, ("index.json", Encoding.UTF8.GetBytes(index.ToJsonString())));
        return members;
    }

    public static string Blob(byte[] bytes) => "blobs/sha256/" + Sha256(bytes)["sha256:".Length..];

    public static byte[] Tar(IEnumerable<(string Member, byte[] Bytes)> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (member, bytes) in members)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, member) { DataStream = new MemoryStream(bytes) });
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>A temporary directory deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        System.IO.Directory.CreateDirectory(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shipgate-image-" + Guid.NewGuid().ToString("n"));

    public void Dispose() => System.IO.Directory.Delete(Path, recursive: true);
}
