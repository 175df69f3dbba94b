using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using Shipgate.Containers.Images;
using Shipgate.Containers.Images.Packages;

namespace Shipgate.Containers.Tests.Images;

public sealed class InventoryTests : IDisposable
{
    private const string RockyOsRelease = """
        NAME="Rocky Linux"
        VERSION="9.3 (Blue Onyx)"
        ID="rocky"
        ID_LIKE="rhel centos fedora"
        VERSION_ID="9.3"
        PRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"
        """;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void RpmSqliteDatabase_IsReadFromHeaderBlobs()
    {
        // Given an rpmdb.sqlite with two real header blobs and the gpg-pubkey pseudo package
        var database = RpmSqlite(
            Header(("openssl-libs", "3.0.7", "24.el9", 1, "x86_64", "openssl-3.0.7-24.el9.src.rpm")),
            Header(("bash", "5.1.8", "6.el9_1", null, "x86_64", "bash-5.1.8-6.el9_1.src.rpm")),
            Header(("gpg-pubkey", "350d275d", "6279464b", null, "(none)", null)));
        var layer = new LayerBuilder()
            .File("etc/os-release", RockyOsRelease)
            .File("usr/lib/sysimage/rpm/rpmdb.sqlite", database)
            .Symlink("var/lib/rpm", "../../usr/lib/sysimage/rpm")
            .Build();
        var path = ImageBuilder.OciLayout(temp.Path, [(layer, Compression.Gzip)]);

        // When it is read
        var image = ImageReader.Read(path, "layout");

        // Then the rpm packages come out with epoch, release, source name and the Rocky ecosystem
        var packages = image.Inventory.Packages;
        packages.Select(p => p.Name).ShouldBe(["bash", "openssl-libs"]);
        var openssl = packages.Single(p => p.Name == "openssl-libs");
        openssl.Version.ShouldBe("1:3.0.7-24.el9");
        openssl.SourceName.ShouldBe("openssl");
        openssl.Ecosystem.ShouldBe("Rocky Linux:9");
        openssl.Purl.ShouldBe("pkg:rpm/rocky/openssl-libs@3.0.7-24.el9?arch=x86_64&distro=rocky-9.3&epoch=1");
        openssl.Location.ShouldBe("/usr/lib/sysimage/rpm/rpmdb.sqlite");
    }

    [Theory]
    [InlineData("rpm-bdb-le.Packages")]
    [InlineData("rpm-bdb-be.Packages")]
    public void BerkeleyDbRpmDatabase_IsReadWithOverflowPages(string fixture)
    {
        // Given a Packages file written by BerkeleyDB 5.3 itself (little- or big-endian; see Data/make-rpm-bdb.py), whose
        // openssl-libs header spans three overflow pages
        var layer = new LayerBuilder().File("etc/os-release", RockyOsRelease).File("var/lib/rpm/Packages", BerkeleyFixture(fixture)).Build();
        var path = ImageBuilder.DockerArchive(temp.Path, [layer]);

        // When it is read
        var image = ImageReader.Read(path, "image.tar");

        // Then both packages are listed (not the gpg-pubkey pseudo package, not rpm's counter record), without notes
        image.Notes.ShouldBeEmpty();
        image.Inventory.Packages.Select(p => (p.Name, p.Version, p.SourceName)).ShouldBe([("bash", "4.4.20-4.el8_6", "bash"), ("openssl-libs", "1:1.1.1k-9.el8_7", "openssl")]);
        image.Inventory.Packages.ShouldAllBe(p => p.Location == "/var/lib/rpm/Packages" && p.Type == "rpm");
    }

    [Theory]
    [InlineData("zeros", "not a BerkeleyDB hash database (bad magic)")]
    [InlineData("truncated", "BerkeleyDB overflow chain points at page")]
    [InlineData("loop", "already read")]
    [InlineData("item", "lies outside the page")]
    public void CorruptBerkeleyDb_IsANoteNotACrash(string damage, string message)
    {
        // Given a damaged Packages file
        var bytes = BerkeleyFixture("rpm-bdb-le.Packages");
        bytes = damage switch
        {
            "zeros" => new byte[4096],
            "truncated" => bytes[..(3 * 4096)],
            "loop" => PointOverflowAtItself(bytes),
            _ => BreakFirstItemOffset(bytes),
        };
        var layer = new LayerBuilder().File("etc/os-release", RockyOsRelease).File("var/lib/rpm/Packages", bytes).Build();

        // When it is read
        var image = ImageReader.Read(ImageBuilder.DockerArchive(temp.Path, [layer]), "image.tar");

        // Then the image is still read, and a note says why its rpm packages are missing
        image.Inventory.Packages.ShouldBeEmpty();
        image.Notes.ShouldContain(n => n.Path == "/var/lib/rpm/Packages" && n.Message.Contains("rpm BerkeleyDB database not readable", StringComparison.Ordinal) && n.Message.Contains(message, StringComparison.Ordinal), string.Join("\n", image.Notes));
    }

    [Fact]
    public void NdbRpmDatabase_IsReportedAsNotSupported()
    {
        var layer = new LayerBuilder().File("etc/os-release", RockyOsRelease).File("usr/lib/sysimage/rpm/Packages.db", new byte[4096]).Build();

        var image = ImageReader.Read(ImageBuilder.DockerArchive(temp.Path, [layer]), "image.tar");

        image.Inventory.Packages.ShouldBeEmpty();
        image.Notes.ShouldContain(n => n.Path == "/usr/lib/sysimage/rpm/Packages.db" && n.Message.Contains("NDB format is not supported yet", StringComparison.Ordinal));
    }

    [Fact]
    public void CorruptRpmHeader_IsANoteNotACrash()
    {
        var broken = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(broken, 1000);
        var layer = new LayerBuilder().File("var/lib/rpm/rpmdb.sqlite", RpmSqlite(broken)).Build();
        var path = ImageBuilder.DockerArchive(temp.Path, [layer]);

        var image = ImageReader.Read(path, "image.tar");

        image.Notes.ShouldContain(n => n.Path == "/var/lib/rpm/rpmdb.sqlite" && n.Message.Contains("rpm header", StringComparison.Ordinal));
    }

    [Fact]
    public void DistrolessStatusDirectory_IsRead()
    {
        // Given a distroless image: one stanza per file under status.d, md5sums beside them
        var layer = new LayerBuilder()
            .File("etc/os-release", SampleFiles.DebianOsRelease)
            .File("var/lib/dpkg/status.d/base-files", "Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n")
            .File("var/lib/dpkg/status.d/base-files.md5sums", "abc  etc/issue\n")
            .File("var/lib/dpkg/status.d/libssl3", "Package: libssl3\nSource: openssl\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\n")
            .Build();
        var path = ImageBuilder.DockerArchive(temp.Path, [layer]);

        var image = ImageReader.Read(path, "image.tar");

        image.Inventory.Packages.Select(p => (p.Name, p.Location)).ShouldBe(
            [("base-files", "/var/lib/dpkg/status.d/base-files"), ("libssl3", "/var/lib/dpkg/status.d/libssl3")]);
    }

    [Fact]
    public void LanguagePackages_FromPythonNpmAndJarMetadata()
    {
        // Given installed Python and npm packages and a Spring Boot style jar with a nested library jar
        var layer = new LayerBuilder()
            .File("usr/local/lib/python3.12/site-packages/requests-2.31.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\n\nBody text Name: no\n")
            .File("usr/lib/python3/dist-packages/PyYAML-6.0.1.egg-info/PKG-INFO", "Metadata-Version: 1.1\nName: PyYAML\nVersion: 6.0.1\n")
            .File("app/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.21\"}")
            .File("app/node_modules/@babel/core/package.json", "{\"name\":\"@babel/core\",\"version\":\"7.24.0\"}")
            .File("app/node_modules/lodash/fp/package.json", "{\"name\":\"not-a-package\",\"version\":\"0\"}")
            .File("app/app.jar", Jar(
                ("META-INF/maven/com.example/app/pom.properties", Encoding.UTF8.GetBytes("groupId=com.example\nartifactId=app\nversion=1.0.0\n")),
                ("BOOT-INF/lib/log4j-core-2.14.1.jar", Jar(("META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties", Encoding.UTF8.GetBytes("#Generated\nversion=2.14.1\ngroupId=org.apache.logging.log4j\nartifactId=log4j-core\n"))))))
            .Build();
        var path = ImageBuilder.DockerArchive(temp.Path, [layer]);

        // When it is read
        var image = ImageReader.Read(path, "image.tar");

        // Then every language package is named with its ecosystem and purl
        var packages = image.Inventory.Packages.Select(p => (p.Ecosystem, p.Name, p.Version, p.Purl)).ToList();
        packages.ShouldContain(("PyPI", "requests", "2.31.0", "pkg:pypi/requests@2.31.0"));
        packages.ShouldContain(("PyPI", "PyYAML", "6.0.1", "pkg:pypi/pyyaml@6.0.1"));
        packages.ShouldContain(("npm", "lodash", "4.17.21", "pkg:npm/lodash@4.17.21"));
        packages.ShouldContain(("npm", "@babel/core", "7.24.0", "pkg:npm/%40babel/core@7.24.0"));
        packages.ShouldContain(("Maven", "com.example:app", "1.0.0", "pkg:maven/com.example/app@1.0.0"));
        packages.ShouldContain(("Maven", "org.apache.logging.log4j:log4j-core", "2.14.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));
        packages.ShouldNotContain(p => p.Name == "not-a-package");
        image.Inventory.Packages.Single(p => p.Name.EndsWith("log4j-core", StringComparison.Ordinal)).Location
            .ShouldBe("/app/app.jar!BOOT-INF/lib/log4j-core-2.14.1.jar");
    }

    [Fact]
    public void DeletedJar_ContributesNoPackages()
    {
        var jar = Jar(("META-INF/maven/g/a/pom.properties", Encoding.UTF8.GetBytes("groupId=g\nartifactId=a\nversion=1\n")));
        var first = new LayerBuilder().File("opt/lib/a.jar", jar).Build();
        var second = new LayerBuilder().Whiteout("opt/lib/a.jar").Build();
        var path = ImageBuilder.DockerArchive(temp.Path, [first, second]);

        ImageReader.Read(path, "image.tar").Inventory.Packages.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("ID=ubuntu\nVERSION_ID=\"22.04\"", "Ubuntu:22.04:LTS")]
    [InlineData("ID=ubuntu\nVERSION_ID=\"23.10\"", "Ubuntu:23.10")]
    [InlineData("ID=\"rhel\"\nVERSION_ID=\"9.3\"", "Red Hat")]
    [InlineData("ID=almalinux\nVERSION_ID=\"8.9\"", "AlmaLinux:8")]
    [InlineData("ID=debian\nVERSION_ID=\"11\"", "Debian:11")]
    [InlineData("ID=fedora\nVERSION_ID=39", null)]
    public void OsRelease_MapsToOsvEcosystems(string text, string? ecosystem) =>
        OperatingSystemInfo.Parse(text)!.Ecosystem.ShouldBe(ecosystem);

    private static byte[] BerkeleyFixture(string name) => File.ReadAllBytes(Path.Combine(TestPaths.ProjectDirectory, "Images", "Data", name));

    /// <summary>Every overflow page's next-page pointer aimed at the page itself.</summary>
    private static byte[] PointOverflowAtItself(byte[] file)
    {
        var copy = file.ToArray();
        for (var page = 1; page < copy.Length / 4096; page++)
        {
            if (copy[(page * 4096) + 25] == 7)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan((page * 4096) + 16), (uint)page);
            }
        }

        return copy;
    }

    /// <summary>The first item offset of every hash page pointed past the page end.</summary>
    private static byte[] BreakFirstItemOffset(byte[] file)
    {
        var copy = file.ToArray();
        for (var page = 1; page < copy.Length / 4096; page++)
        {
            if (copy[(page * 4096) + 25] is 2 or 13 && BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan((page * 4096) + 20)) > 1)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan((page * 4096) + 28), 5000);
            }
        }

        return copy;
    }

    private static byte[] RpmSqlite(params byte[][] headers)
    {
        var file = Path.Combine(Path.GetTempPath(), "shipgate-test-rpmdb-" + Guid.NewGuid().ToString("n") + ".sqlite");
        try
        {
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
            {
                connection.Open();
                using var create = connection.CreateCommand();
                create.CommandText = "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)";
                create.ExecuteNonQuery();
                foreach (var header in headers)
                {
                    using var insert = connection.CreateCommand();
                    insert.CommandText = "INSERT INTO Packages (blob) VALUES ($blob)";
                    insert.Parameters.AddWithValue("$blob", header);
                    insert.ExecuteNonQuery();
                }
            }

            return File.ReadAllBytes(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>An rpm header blob (il, dl, index entries, data store) with the inventory tags.</summary>
    private static byte[] Header((string Name, string Version, string Release, int? Epoch, string Arch, string? SourceRpm) package)
    {
        var tags = new List<(int Tag, int Type, byte[] Data)>
        {
            (RpmHeader.TagName, 6, Encoding.UTF8.GetBytes(package.Name + "\0")),
            (RpmHeader.TagVersion, 6, Encoding.UTF8.GetBytes(package.Version + "\0")),
            (RpmHeader.TagRelease, 6, Encoding.UTF8.GetBytes(package.Release + "\0")),
            (RpmHeader.TagArch, 6, Encoding.UTF8.GetBytes(package.Arch + "\0")),
        };
        if (package.Epoch is { } epoch)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(bytes, epoch);
            tags.Add((RpmHeader.TagEpoch, 4, bytes));
        }

        if (package.SourceRpm is { } source)
        {
            tags.Add((RpmHeader.TagSourceRpm, 6, Encoding.UTF8.GetBytes(source + "\0")));
        }

        tags.Sort((a, b) => a.Tag.CompareTo(b.Tag));
        var data = new MemoryStream();
        var index = new List<(int Tag, int Type, int Offset)>();
        foreach (var (tag, type, bytes) in tags)
        {
            while (type == 4 && data.Length % 4 != 0)
            {
                data.WriteByte(0);
            }

            index.Add((tag, type, (int)data.Length));
            data.Write(bytes);
        }

        var blob = new byte[8 + (16 * index.Count) + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(blob, index.Count);
        BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4), (int)data.Length);
        for (var i = 0; i < index.Count; i++)
        {
            var at = blob.AsSpan(8 + (16 * i));
            BinaryPrimitives.WriteInt32BigEndian(at, index[i].Tag);
            BinaryPrimitives.WriteInt32BigEndian(at[4..], index[i].Type);
            BinaryPrimitives.WriteInt32BigEndian(at[8..], index[i].Offset);
            BinaryPrimitives.WriteInt32BigEndian(at[12..], 1);
        }

        data.ToArray().CopyTo(blob, 8 + (16 * index.Count));
        return blob;
    }

    private static byte[] Jar(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
