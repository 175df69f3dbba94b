using System.Text;

namespace Shipgate.Core.Tests.Suppression;

public sealed class BaselineTests
{
    [Fact]
    public void WriteThenRead_RoundTripsSortedEntries()
    {
        var baseline = new Baseline([
            new BaselineEntry("ff", "SEC002", "b.txt", null),
            new BaselineEntry("00", "SEC001", "a.txt", "accepted"),
            new BaselineEntry("00", "SEC001", "dup.txt", null),
        ]);
        using var stream = new MemoryStream();
        baseline.Write(stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());

        text.IndexOf("\"00\"", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("\"ff\"", StringComparison.Ordinal));
        stream.Position = 0;
        var read = Baseline.Read(stream);
        read.Count.ShouldBe(2);
        read.TryGet("00", out var entry).ShouldBeTrue();
        entry.Reason.ShouldBe("accepted");
    }

    [Theory]
    [InlineData("{ nope", "not a valid baseline file")]
    [InlineData("{\"entries\": []}", "missing \"version\"")]
    [InlineData("{\"version\": 9, \"entries\": []}", "version 9 is not supported")]
    public void Read_Malformed_ThrowsInputFormatException(string json, string message)
    {
        var ex = Should.Throw<InputFormatException>(() => Baseline.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        ex.Message.ShouldContain(message);
    }
}
