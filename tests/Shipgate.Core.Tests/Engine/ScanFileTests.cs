using System.Text;

namespace Shipgate.Core.Tests.Engine;

public sealed class ScanFileTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "shipgate-scanfile-" + Guid.NewGuid().ToString("n")[..10]);

    public ScanFileTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(70_000)]
    public void ReadAllBytes_ReadsTheWholeFile(int size)
    {
        var content = Enumerable.Range(0, size).Select(i => (byte)('a' + (i % 26))).ToArray();
        var file = Disk("a.txt", content, content.Length);

        file.ReadAllBytes().ShouldBe(content);
        file.ReadAllText().ShouldBe(Encoding.ASCII.GetString(content));
    }

    [Theory]
    [InlineData(10, 4)]
    [InlineData(10, 9)]
    [InlineData(10, 40)]
    [InlineData(0, 5)]
    public void ReadAllBytes_FileThatChangedSizeSinceListing_IsReadAsItIsNow(int listed, int actual)
    {
        var content = Enumerable.Repeat((byte)'x', actual).ToArray();
        var file = Disk("a.txt", content, listed);

        file.ReadAllBytes().Length.ShouldBe(actual);
    }

    [Fact]
    public void IsBinary_SmallFile_SniffsTheContentReadOnce()
    {
        var text = Disk("a.txt", "hello\n"u8.ToArray(), 6);
        var binary = Disk("b.bin", [1, 0, 2, 3], 4);

        text.IsBinary.ShouldBeFalse();
        binary.IsBinary.ShouldBeTrue();

        // The content was read while sniffing: deleting the file does not lose it.
        File.Delete(Path.Combine(root, "a.txt"));
        text.ReadAllText().ShouldBe("hello\n");
    }

    [Theory]
    [InlineData(8_191)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(300_000)]
    [InlineData((1 << 20) + 5)]
    public void IsBinary_TextFileOfAnySize_IsTextAndReadsWhole(int size)
    {
        var content = Enumerable.Range(0, size).Select(i => (byte)('a' + (i % 26))).ToArray();
        var file = Disk("a.txt", content, content.Length);

        file.IsBinary.ShouldBeFalse();
        file.ReadAllBytes().ShouldBe(content);
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(200_000)]
    public void IsBinary_NulAfterTheSniffedHead_IsText(int size)
    {
        var content = Enumerable.Repeat((byte)'x', size).ToArray();
        content[10_000] = 0;

        Disk("late-nul.txt", content, size).IsBinary.ShouldBeFalse();
    }

    [Theory]
    [InlineData(10, 40)]
    [InlineData(40, 10)]
    [InlineData(70_000, 100_000)]
    public void IsBinary_FileThatChangedSizeSinceListing_SniffsAndReadsItAsItIsNow(int listed, int actual)
    {
        var content = Enumerable.Repeat((byte)'y', actual).ToArray();
        var file = Disk("a.txt", content, listed);

        file.IsBinary.ShouldBeFalse();
        file.ReadAllBytes().Length.ShouldBe(actual);
    }

    [Fact]
    public void IsBinary_BinaryFile_ReadsOnlyTheHead()
    {
        var content = new byte[200_000];
        content[10] = 1;
        var file = Disk("lib.so", content, content.Length);

        file.IsBinary.ShouldBeTrue();

        // Nothing beyond the sniffed head was kept: the content is read from disk again when asked for.
        File.WriteAllBytes(Path.Combine(root, "lib.so"), [7]);
        file.ReadAllBytes().ShouldBe([(byte)7]);
    }

    [Fact]
    public void ReleaseContent_DiskFile_RereadsFromDisk()
    {
        var file = Disk("a.txt", "one"u8.ToArray(), 3);
        file.ReadAllText().ShouldBe("one");

        File.WriteAllText(Path.Combine(root, "a.txt"), "two");
        file.ReadAllText().ShouldBe("one");
        file.ReleaseContent();
        file.ReadAllText().ShouldBe("two");
    }

    [Fact]
    public void SniffedContent_IsServedByEveryReader_AndACopyOutlivesTheOriginalsRelease()
    {
        var content = Enumerable.Range(0, 5_000).Select(i => (byte)('a' + (i % 26))).ToArray();
        var file = Disk("a.txt", content, content.Length);
        file.IsBinary.ShouldBeFalse();

        using (var stream = file.OpenRead())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            copy.ToArray().ShouldBe(content);
        }

        using (var lease = file.LeaseText())
        {
            lease.Text.ToString().ShouldBe(Encoding.ASCII.GetString(content));
        }

        var withProvenance = file.WithProvenance(new Dictionary<string, string> { ["commit"] = "abc" });
        file.ReleaseContent();
        File.Delete(Path.Combine(root, "a.txt"));

        withProvenance.ReadAllBytes().ShouldBe(content);
        withProvenance.ReadAllText().ShouldBe(Encoding.ASCII.GetString(content));
    }

    [Fact]
    public void ReleaseContent_InMemoryFile_KeepsItsBytes()
    {
        var file = ScanFile.FromBytes("<stdin>", "kept"u8.ToArray());
        file.ReadAllText().ShouldBe("kept");

        file.ReleaseContent();

        file.ReadAllText().ShouldBe("kept");
    }

    private ScanFile Disk(string name, byte[] content, long listedLength)
    {
        var path = Path.Combine(root, name);
        File.WriteAllBytes(path, content);
        return ScanFile.FromDisk(path, name, name, listedLength);
    }
}
