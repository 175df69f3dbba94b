using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Tests.Detection;

public sealed class EncodedRunFinderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NextLongRun_agrees_with_a_character_by_character_scan(int seed)
    {
        // Given texts made of alphabet runs of every length around the threshold, across 64-character block edges
        var random = new Random(seed);
        const string alphabet = "ABCxyz019+/-_";
        const string others = " .:=%\"\n\u00e9";
        for (var round = 0; round < 300; round++)
        {
            var builder = new System.Text.StringBuilder();
            while (builder.Length < random.Next(50, 400))
            {
                var run = random.Next(8) == 0 ? random.Next(20, 90) : random.Next(0, 30);
                for (var i = 0; i < run; i++)
                {
                    builder.Append(alphabet[random.Next(alphabet.Length)]);
                }

                builder.Append(others[random.Next(others.Length)]);
            }

            var text = builder.ToString();
            var from = 0;

            // When / Then: the vectorised finder and the reference agree from every run boundary
            while (from < text.Length)
            {
                var expected = Reference(text, from);
                EncodedContent.NextLongRun(text, from).ShouldBe(expected, $"text: {text}, from {from}");
                if (expected < 0)
                {
                    break;
                }

                from = expected + 24;
                while (from < text.Length && alphabet.Contains(text[from], StringComparison.Ordinal))
                {
                    from++;
                }
            }
        }
    }

    private static int Reference(string text, int from)
    {
        var count = 0;
        for (var i = from; i < text.Length; i++)
        {
            count = char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '/' or '-' or '_' ? count + 1 : 0;
            if (count == 24)
            {
                return i - 23;
            }
        }

        return -1;
    }
}
