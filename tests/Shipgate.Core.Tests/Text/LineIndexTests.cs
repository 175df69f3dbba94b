namespace Shipgate.Core.Tests.Text;

public sealed class LineIndexTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(2, 1, 3)]
    [InlineData(4, 2, 1)]
    [InlineData(8, 3, 1)]
    [InlineData(9, 3, 2)]
    public void PositionOf_MapsOffsets(int offset, int line, int column)
    {
        var index = new LineIndex("ab\r\ncde\nfg");
        index.PositionOf(offset).ShouldBe((line, column));
    }

    [Fact]
    public void LineText_StripsLineEndings()
    {
        var index = new LineIndex("ab\r\ncde\nfg");
        index.LineText(1).ShouldBe("ab");
        index.LineText(2).ShouldBe("cde");
        index.LineText(3).ShouldBe("fg");
        index.LineText(4).ShouldBe("");
        index.LineCount.ShouldBe(3);
    }

    [Fact]
    public void Decode_HandlesBomsAndInvalidBytes()
    {
        TextDecoder.Decode([0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i']).ShouldBe("hi");
        TextDecoder.Decode([0xFF, 0xFE, (byte)'h', 0, (byte)'i', 0]).ShouldBe("hi");
        TextDecoder.Decode([0xFE, 0xFF, 0, (byte)'h', 0, (byte)'i']).ShouldBe("hi");
        TextDecoder.Decode([(byte)'a', 0xC3, 0x28, (byte)'b']).ShouldBe("a\uFFFD(b");
    }

    [Fact]
    public void BinarySniffer_NulMeansBinaryUnlessUtf16()
    {
        BinarySniffer.LooksBinary([1, 2, 0, 3]).ShouldBeTrue();
        BinarySniffer.LooksBinary([0xFF, 0xFE, (byte)'a', 0]).ShouldBeFalse();
        BinarySniffer.LooksBinary("plain"u8).ShouldBeFalse();
    }

    [Fact]
    public void Fingerprints_NormaliseWhitespace()
    {
        Fingerprints.Compute("X1", "p", "a  b\t c").ShouldBe(Fingerprints.Compute("X1", "p", " a b c "));
        Fingerprints.Compute("X1", "p", "a b").ShouldNotBe(Fingerprints.Compute("X1", "q", "a b"));
        Fingerprints.Compute("X1", "p", "a b").Length.ShouldBe(32);
    }
}
