using System.Text;

namespace Shipgate.Core.Tests.Text;

/// <summary>
/// <see cref="TextDecoder.DecodePooled"/> (what the secrets scanner reads files with) must give exactly the text
/// <see cref="TextDecoder.Decode"/> gives, for every encoding the decoder recognises and for invalid bytes.
/// </summary>
public sealed class TextDecoderTests
{
    public static TheoryData<string, byte[]> Inputs()
    {
        const string text = "password = \"Zx9-ő€😀\"\r\nnext line\n";
        return new TheoryData<string, byte[]>
        {
            { "UTF-8", Encoding.UTF8.GetBytes(text) },
            { "UTF-8 with BOM", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)] },
            { "UTF-16 LE with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)] },
            { "UTF-16 BE with BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)] },
            { "invalid UTF-8", [0x61, 0xC3, 0x28, 0xFF, 0xFE, 0x62, 0xE2, 0x82] },
            { "empty", [] },
        };
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Pooled_decoding_gives_the_same_text(string name, byte[] bytes)
    {
        using var lease = TextDecoder.DecodePooled(bytes);
        lease.Text.ToString().ShouldBe(TextDecoder.Decode(bytes), name);
    }

    [Fact]
    public void A_file_leases_its_cached_text_or_a_pooled_copy_with_the_same_content()
    {
        var file = ScanFile.FromBytes("a.txt", Encoding.UTF8.GetBytes("token = 1\n"));
        using (var pooled = file.LeaseText())
        {
            pooled.Text.ToString().ShouldBe("token = 1\n");
        }

        var cached = file.ReadAllText();
        using var lease = file.LeaseText();
        System.Runtime.InteropServices.MemoryMarshal.TryGetString(lease.Text, out var same, out _, out _).ShouldBeTrue();
        same.ShouldBeSameAs(cached);
    }
}
