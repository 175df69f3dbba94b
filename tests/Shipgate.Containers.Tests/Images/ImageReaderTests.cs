using Shipgate.Containers.Images;
using Shipgate.Core;

namespace Shipgate.Containers.Tests.Images;

public sealed class ImageReaderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void DockerArchive_Debian_ListsInstalledDpkgPackagesWithOsvEcosystemAndPurl()
    {
        // Given a docker save archive of a Debian 12 image with a dpkg status file
        var layer = new LayerBuilder()
            .Directory("etc/")
            .File("etc/os-release", SampleFiles.DebianOsRelease)
            .File("var/lib/dpkg/status", SampleFiles.DpkgStatus)
            .Build();
        var path = ImageBuilder.DockerArchive(temp.Path, [layer], ["registry.example/app:1.4.2"]);

        // When it is read
        var image = ImageReader.Read(path, "image.tar");

        // Then the OS and the installed packages (not the deinstalled one) are known
        image.Format.ShouldBe("docker-archive");
        image.References.ShouldBe(["registry.example/app:1.4.2"]);
        image.Inventory.OperatingSystem!.Ecosystem.ShouldBe("Debian:12");
        var packages = image.Inventory.Packages;
        packages.Select(p => p.Name).ShouldBe(["bash", "libc6", "libssl3"]);
        var ssl = packages.Single(p => p.Name == "libssl3");
        ssl.Version.ShouldBe("3.0.11-1~deb12u2");
        ssl.SourceName.ShouldBe("openssl");
        ssl.Ecosystem.ShouldBe("Debian:12");
        ssl.Purl.ShouldBe("pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl");
        ssl.Location.ShouldBe("/var/lib/dpkg/status");
        packages.Single(p => p.Name == "libc6").SourceName.ShouldBe("glibc");
    }

    [Fact]
    public void OciLayout_AlpineGzipLayers_ListsApkPackages()
    {
        // Given an OCI layout whose gzip layer holds an apk database and whose os-release is a symlink
        var layer = new LayerBuilder()
            .File("usr/lib/os-release", SampleFiles.AlpineOsRelease)
            .Symlink("etc/os-release", "../usr/lib/os-release")
            .File("etc/alpine-release", "3.19.1\n")
            .File("lib/apk/db/installed", SampleFiles.ApkInstalled)
            .Build();
        var path = ImageBuilder.OciLayout(temp.Path, [(layer, Compression.Gzip)], refName: "3.19");

        // When it is read
        var image = ImageReader.Read(path, "layout");

        // Then the alpine ecosystem and packages come out
        image.Format.ShouldBe("oci-layout");
        image.References.ShouldBe(["3.19"]);
        image.Inventory.OperatingSystem!.Ecosystem.ShouldBe("Alpine:v3.19");
        var musl = image.Inventory.Packages.Single(p => p.Name == "musl");
        musl.Version.ShouldBe("1.2.4_git20230717-r4");
        musl.Purl.ShouldBe("pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=3.19.1");
        image.Inventory.Packages.Single(p => p.Name == "libcrypto3").SourceName.ShouldBe("openssl");
    }

    [Fact]
    public void Layers_ApplyWhiteoutsAndOpaqueDirectoriesInOrder()
    {
        // Given three layers: files, then a whiteout and an opaque directory, then a re-added file
        var base_ = new LayerBuilder()
            .Directory("app/")
            .File("app/keep.txt", "keep")
            .File("app/remove.txt", "remove")
            .Directory("app/cache/")
            .File("app/cache/a", "a")
            .File("app/cache/b", "b")
            .Directory("opt/old/")
            .File("opt/old/x", "x")
            .Build();
        var second = new LayerBuilder()
            .Whiteout("app/remove.txt")
            .Opaque("app/cache")
            .File("app/cache/fresh", "fresh")
            .Whiteout("opt/old")
            .Build();
        var third = new LayerBuilder()
            .File("opt/old/y", "y")
            .File("app/keep.txt", "kept, updated")
            .Build();
        var path = ImageBuilder.OciLayout(temp.Path, [(base_, Compression.Gzip), (second, Compression.None), (third, Compression.Gzip)]);

        // When it is read
        var image = ImageReader.Read(path, "layout");

        // Then the final view is what a container would see
        var files = image.Files.Files.Where(f => f.Kind == ImageFileKind.File).Select(f => f.Path).ToList();
        files.ShouldBe(["app/cache/fresh", "app/keep.txt", "opt/old/y"]);
        image.Files.Find("app/keep.txt")!.Layer.ShouldBe(2);
        image.Files.TryRead("app/keep.txt").ShouldBe("kept, updated"u8.ToArray());
        image.Files.Find("app/cache/fresh")!.Layer.ShouldBe(1);
        image.TextFiles.ShouldContain("app/keep.txt");
        image.TextFiles.ShouldNotContain("app/remove.txt");
    }

    [Fact]
    public void ZstdLayer_IsDecompressed()
    {
        // Given an OCI archive (tar) with a zstd layer
        var layer = new LayerBuilder().File("etc/os-release", SampleFiles.DebianOsRelease).File("var/lib/dpkg/status", SampleFiles.DpkgStatus).Build();
        var path = ImageBuilder.OciArchive(temp.Path, [(layer, Compression.Zstd)], refName: "docker.io/library/debian:latest");

        // When it is read
        var image = ImageReader.Read(path, "image-oci.tar");

        // Then the zstd layer was applied
        image.Format.ShouldBe("oci-archive");
        image.Inventory.Packages.Count.ShouldBe(3);
        image.References.ShouldBe(["docker.io/library/debian:latest"]);
    }

    [Fact]
    public void DotDotEntry_IsSkippedWithANote_AndSymlinksStayInsideTheRoot()
    {
        // Given a layer with a traversal entry, an absolute-path entry, a device and a symlink pointing far above the root
        var layer = new LayerBuilder()
            .File("../../escape.txt", "outside")
            .File("/abs/file.txt", "absolute")
            .Device("dev/null")
            .Symlink("etc/os-release", "../../../../../../etc/real-os-release")
            .File("etc/real-os-release", SampleFiles.DebianOsRelease)
            .Build();
        var path = ImageBuilder.DockerArchive(temp.Path, [layer]);

        // When it is read
        var image = ImageReader.Read(path, "image.tar");

        // Then the traversal entry is not in the view, a note says so, and the symlink resolved inside the image
        image.Files.Files.ShouldNotContain(f => f.Path.Contains("escape", StringComparison.Ordinal));
        image.Notes.ShouldContain(n => n.Path == "../../escape.txt" && n.Message.Contains("escapes the image root", StringComparison.Ordinal));
        image.Files.Find("abs/file.txt").ShouldNotBeNull();
        image.Files.Find("dev/null")!.Kind.ShouldBe(ImageFileKind.Other);
        image.Files.TryRead("dev/null").ShouldBeNull();
        image.Files.Resolve("etc/os-release").ShouldBe("etc/real-os-release");
        image.Inventory.OperatingSystem!.Id.ShouldBe("debian");
    }

    [Fact]
    public void TruncatedGzipLayer_IsOneClearError()
    {
        // Given an OCI layout whose gzip layer blob was cut in half (and its descriptor updated to match)
        var layer = new LayerBuilder().File("etc/data.txt", new string('x', 100_000)).File("etc/more.txt", "more").Build();
        var path = ImageBuilder.OciLayout(temp.Path, [(layer, Compression.Gzip)]);
        Truncate(path);

        // When it is read, then one error names the layer and the problem
        var error = Should.Throw<InputFormatException>(() => ImageReader.Read(path, "layout"));
        error.Message.ShouldStartWith("layer 1 of 1 (sha256:");
        error.Message.ShouldContain("truncated");
    }

    [Fact]
    public void ChangedLayerBytes_FailTheDigestCheck()
    {
        // Given a docker archive whose layer no longer matches the config's diff id
        var layer = new LayerBuilder().File("etc/a.txt", "original").Build();
        var config = ImageBuilder.Config();
        var path = ImageBuilder.DockerArchive(temp.Path, [layer], config: config);
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf("original"u8);
        bytes[at] = (byte)'O';
        File.WriteAllBytes(path, bytes);

        // When it is read, then the digest check fails
        Should.Throw<InputFormatException>(() => ImageReader.Read(path, "image.tar")).Message.ShouldContain("digest mismatch");
    }

    [Fact]
    public void EntryCountBomb_StopsTheRead()
    {
        // Given a layer with many entries and a low entry cap
        var builder = new LayerBuilder();
        for (var i = 0; i < 200; i++)
        {
            builder.File($"f/{i}", "");
        }

        var path = ImageBuilder.DockerArchive(temp.Path, [builder.Build()]);

        // When it is read with a cap of 100 entries, then it stops with a clear error
        var error = Should.Throw<InputFormatException>(() => ImageReader.Read(path, "image.tar", new ImageReadOptions { MaxEntries = 100 }));
        error.Message.ShouldContain("more than 100 entries");
    }

    [Fact]
    public void DeclaredSizeBomb_StopsTheRead()
    {
        // Given a layer whose entries declare more bytes than allowed
        var layer = new LayerBuilder().File("big1", new byte[40_000]).File("big2", new byte[40_000]).Build();
        var path = ImageBuilder.OciLayout(temp.Path, [(layer, Compression.Gzip)]);

        // When it is read with a 50 kB cap, then it stops
        Should.Throw<InputFormatException>(() => ImageReader.Read(path, "layout", new ImageReadOptions { MaxTotalBytes = 50_000 }))
            .Message.ShouldContain("possible archive bomb");
    }

    [Fact]
    public void NotAnImage_IsAClearError()
    {
        var path = Path.Combine(temp.Path, "random.tar");
        File.WriteAllBytes(path, ImageBuilder.Tar([("hello.txt", "hi"u8.ToArray())]));
        Should.Throw<InputFormatException>(() => ImageReader.Read(path, "random.tar")).Message.ShouldContain("not a container image archive");

        var garbage = Path.Combine(temp.Path, "garbage.tar");
        File.WriteAllBytes(garbage, [.. Enumerable.Range(0, 2000).Select(i => (byte)(i * 7))]);
        Should.Throw<InputFormatException>(() => ImageReader.Read(garbage, "garbage.tar"));
    }

    [Fact]
    public void TextFiles_KeepSmallTextOutsidePackageTrees()
    {
        // Given an app config, a binary file, a file in usr/share and a large file
        var layer = new LayerBuilder()
            .File("etc/app/config.yml", "token: abc\n")
            .File("app/bin/tool", [0x7f, 0x45, 0x4c, 0x46, 0, 0, 1])
            .File("usr/share/doc/readme", "docs")
            .File("srv/huge.log", new string('a', 2_000_000))
            .Build();
        var path = ImageBuilder.DockerArchive(temp.Path, [layer]);

        // When it is read
        var image = ImageReader.Read(path, "image.tar");

        // Then only the small text file is kept, and the large one is counted
        image.TextFiles.ShouldBe(["etc/app/config.yml"]);
        image.Statistics.TextFilesTooLarge.ShouldBe(1);
    }

    [Fact]
    public void MultiPlatformIndex_PicksLinuxAmd64()
    {
        // Given a nested index listing arm64 first and amd64 second
        var arm = new LayerBuilder().File("etc/os-release", SampleFiles.AlpineOsRelease).Build();
        var amd = new LayerBuilder().File("etc/os-release", SampleFiles.DebianOsRelease).Build();
        var members = ImageBuilder.OciMembers([(amd, Compression.Gzip)], null, null);
        var armMembers = ImageBuilder.OciMembers([(arm, Compression.Gzip)], null, null);
        var amdIndex = System.Text.Json.Nodes.JsonNode.Parse(members[1].Bytes)!["manifests"]![0]!.DeepClone();
        var armIndex = System.Text.Json.Nodes.JsonNode.Parse(armMembers[1].Bytes)!["manifests"]![0]!.DeepClone();
        armIndex["platform"]!["architecture"] = "arm64";
        var nested = new System.Text.Json.Nodes.JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = new System.Text.Json.Nodes.JsonArray(armIndex, amdIndex),
        };
        var nestedBytes = System.Text.Encoding.UTF8.GetBytes(nested.ToJsonString());
        var top = new System.Text.Json.Nodes.JsonObject
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.index.v1+json",
                ["digest"] = ImageBuilder.Sha256(nestedBytes),
                ["size"] = nestedBytes.Length,
                ["annotations"] = new System.Text.Json.Nodes.JsonObject { ["io.containerd.image.name"] = "docker.io/library/multi:2" },
            }),
        };
        var all = members.Skip(2).Concat(armMembers.Skip(2)).ToList();
        all.Add((ImageBuilder.Blob(nestedBytes), nestedBytes));
        all.Insert(0, ("index.json", System.Text.Encoding.UTF8.GetBytes(top.ToJsonString())));
        var path = Path.Combine(temp.Path, "multi.tar");
        File.WriteAllBytes(path, ImageBuilder.Tar(all));

        // When it is read
        var image = ImageReader.Read(path, "multi.tar");

        // Then the amd64 image was chosen and the reference kept
        image.Inventory.OperatingSystem!.Id.ShouldBe("debian");
        image.References.ShouldBe(["docker.io/library/multi:2"]);
        image.Notes.ShouldContain(n => n.Message.Contains("linux/amd64", StringComparison.Ordinal));
    }

    private static void Truncate(string layout)
    {
        var indexPath = Path.Combine(layout, "index.json");
        var index = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(indexPath))!;
        var manifestDigest = (string)index["manifests"]![0]!["digest"]!;
        var manifestPath = Path.Combine(layout, "blobs", "sha256", manifestDigest[7..]);
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var layerDigest = (string)manifest["layers"]![0]!["digest"]!;
        var layerPath = Path.Combine(layout, "blobs", "sha256", layerDigest[7..]);
        var bytes = File.ReadAllBytes(layerPath);
        File.WriteAllBytes(layerPath, bytes[..(bytes.Length / 2)]);
        manifest["layers"]![0]!["size"] = bytes.Length / 2;
        var manifestBytes = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString());
        File.Delete(manifestPath);
        File.WriteAllBytes(Path.Combine(layout, ImageBuilder.Blob(manifestBytes)), manifestBytes);
        index["manifests"]![0]!["digest"] = ImageBuilder.Sha256(manifestBytes);
        index["manifests"]![0]!["size"] = manifestBytes.Length;
        File.WriteAllText(indexPath, index.ToJsonString());
    }
}
