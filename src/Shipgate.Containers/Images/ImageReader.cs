using System.IO.Compression;
using Shipgate.Containers.Images.Archives;
using Shipgate.Containers.Images.Packages;
using Shipgate.Core;

namespace Shipgate.Containers.Images;

/// <summary>
/// Reads a container image offline: a <c>docker save</c> tarball, an OCI archive (tar) or an OCI layout directory.
/// Follows index → manifest → config → layers; layers may be gzip, zstd or plain tar (told apart by their magic
/// bytes); each is streamed once, its digest checked in the same pass, and applied onto an in-memory index of the
/// file system. Nothing is extracted to disk. A corrupt or truncated archive is one <see cref="InputFormatException"/>
/// naming the part that failed. Stateless and thread-safe.
/// </summary>
public static class ImageReader
{
    private static ReadOnlySpan<byte> GzipMagic => [0x1f, 0x8b];

    private static ReadOnlySpan<byte> ZstdMagic => [0x28, 0xb5, 0x2f, 0xfd];

    /// <summary>
    /// Whether an image path is outside the trees that package managers own (<c>usr/share</c>, <c>usr/lib</c>,
    /// <c>node_modules</c>, <c>site-packages</c>…): where application files, and their lockfiles and secrets, live.
    /// </summary>
    public static bool IsApplicationPath(string path) => CapturePolicy.IsSecretScanned(path);

    public static ContainerImage Read(string path, string displayName, ImageReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ImageReadOptions();
        var isDirectory = Directory.Exists(path);
        if (!isDirectory && !File.Exists(path))
        {
            throw new InputFormatException("no such file or directory");
        }

        using BlobSource source = isDirectory ? new DirectoryBlobSource(path) : new TarBlobSource(path, displayName);
        var layout = ImageLayoutReader.Read(source, options, !isDirectory);
        var configJson = source.ReadSmall(layout.ConfigMember, options.MaxDocumentBytes);
        var configDigest = layout.ConfigDigest ?? "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(configJson));
        ImageLayoutReader.Verify(configJson, configDigest, "image config", options);
        ImageConfig config;
        using (var document = ImageLayoutReader.Parse(configJson, "image config"))
        {
            config = ImageConfig.Parse(document.RootElement);
        }

        if (layout.Layers.Count > options.MaxLayers)
        {
            throw new InputFormatException($"the image has {layout.Layers.Count} layers, more than the limit of {options.MaxLayers}");
        }

        var notes = new List<ImageNote>(layout.Notes.Select(n => new ImageNote("", n)));
        var files = new ImageFileSystem();
        var applier = new LayerApplier(files, options, notes);
        var digests = new List<string>();
        for (var i = 0; i < layout.Layers.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var layer = layout.Layers[i];
            if (layer.Digest is null && config.DiffIds.Count == layout.Layers.Count)
            {
                layer = layer with { Digest = config.DiffIds[i], Scope = DigestScope.Uncompressed };
            }

            var label = $"layer {i + 1} of {layout.Layers.Count} ({(layer.Digest is { } d ? ImageLayoutReader.Short(d) : layer.Member)})";
            ApplyLayer(source, layer, i, label, applier, options);
            digests.Add(layer.Digest ?? layer.Member);
        }

        var inventory = ImageInventory.Collect(files, applier.JavaPackages, notes);
        var statistics = new ImageReadStatistics(layout.Layers.Count, applier.Entries, applier.DeclaredBytes, files.Count, applier.TextFilesTooLarge, applier.TextFilesOverBudget);
        return new ContainerImage(displayName, layout.Format, layout.References, configJson, configDigest, config, digests, files, [.. applier.TextPaths], inventory, notes, statistics);
    }

    private static void ApplyLayer(BlobSource source, LayerRef layer, int index, string label, LayerApplier applier, ImageReadOptions options)
    {
        if (!source.Exists(layer.Member))
        {
            throw new InputFormatException($"{label}: blob {layer.Member} is missing from the image");
        }

        var stored = source.LengthOf(layer.Member);
        if (layer.Size is { } size && size != stored)
        {
            throw new InputFormatException($"{label}: the blob has {stored} bytes but the manifest says {size}; the archive is truncated or corrupt");
        }

        using var blob = source.Open(layer.Member);
        Span<byte> head = stackalloc byte[4];
        var headLength = blob.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        blob.Position = 0;
        var compression = head[..headLength].StartsWith(GzipMagic) ? "gzip" : head[..headLength].StartsWith(ZstdMagic) ? "zstd" : "none";
        using var hashing = new HashingStream(blob);
        try
        {
            using (var tar = compression switch
            {
                "gzip" => new GZipStream(hashing, CompressionMode.Decompress, leaveOpen: true),
                "zstd" => new ZstdSharp.DecompressionStream(hashing, leaveOpen: true),
                _ => (Stream)new NonClosingStream(hashing),
            })
            {
                applier.Apply(tar, index, label);
            }

            var actual = "sha256:" + hashing.Finish();
            var verifiable = layer.Digest is { } expected && expected.StartsWith("sha256:", StringComparison.Ordinal)
                && (layer.Scope == DigestScope.Stored || compression == "none");
            if (options.VerifyDigests && verifiable && !string.Equals(actual, layer.Digest, StringComparison.OrdinalIgnoreCase))
            {
                throw new InputFormatException($"{label}: digest mismatch; the layer is truncated, corrupt or was altered");
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or ZstdSharp.ZstdException or ArgumentException or IOException
            && ex is not InputFormatException)
        {
            throw new InputFormatException($"{label}: the {(compression == "none" ? "tar" : compression + " tar")} data is truncated or corrupt ({ex.Message.TrimEnd('.')})");
        }
    }

    /// <summary>Keeps the tar reader from disposing the hashing stream early.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
