using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;

namespace Shipgate.Secrets.Tests.Detection;

/// <summary>
/// Files are decoded into pooled buffers and scanned as memory, where regexes run on a copy of each matching window;
/// strings are matched in place. Both must report the same secrets at the same places with the same snippets, and
/// nothing past the text's end (a rented buffer holds old content there) may leak in.
/// </summary>
public sealed class PooledTextTests
{
    private static readonly SecretDetector Detector = new(SecretRuleCatalog.Create());

    [Theory]
    [InlineData(1, 40_000)]
    [InlineData(2, 300_000)]
    [InlineData(3, 5_000)]
    public void Should_report_the_same_secrets_from_a_buffer_as_from_a_string(int seed, int length)
    {
        var random = new Random(seed);
        var samples = SecretRuleCatalog.Create().SelectMany(r => r.TruePositives()).ToList();
        var planted = Enumerable.Range(0, 80).Select(_ => samples[random.Next(samples.Count)]).ToList();
        var text = TestText.Plant(random, TestText.Source(random, length), planted);

        // A buffer longer than the text, its tail full of a secret that must not be seen.
        var tail = "\naws_secret = \"" + samples[0] + "\"\n" + TestText.Source(random, 2_000);
        var buffer = (text + tail).ToCharArray();

        var fromString = Detector.Scan(text).ToList();
        var fromBuffer = Detector.Scan(buffer.AsMemory(0, text.Length), null).ToList();

        fromString.Count.ShouldBeGreaterThan(40);
        fromBuffer.ShouldBe(fromString);
    }

    [Fact]
    public void Should_find_a_secret_that_ends_exactly_at_the_end_of_the_text()
    {
        var token = SecretRuleCatalog.Create().Single(r => r.Metadata.Id == "SEC001").TruePositives().First();
        var text = "x = 1\n" + token;
        var buffer = (text + "ZZZZZZZZ").ToCharArray();

        Detector.Scan(buffer.AsMemory(0, text.Length), null).Select(s => s.Rule.Metadata.Id)
            .ShouldBe(Detector.Scan(text).Select(s => s.Rule.Metadata.Id));
    }
}
