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
        // Beyond ASCII: characters whose low byte is in the alphabet ('\u0141' for 'A', '\u012B' for '+') must not count.
        const string others = " .:=%\"\n\u00e9\u0141\u012B\u0130\u00ff";
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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Text_shape_checks_agree_with_counting_every_group(int seed)
    {
        // Given runs whose groups start with a text-like character about as often as the threshold, of every length
        var random = new Random(seed);
        const string base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        const string hex = "0123456789abcdef";
        var decided = new int[2];
        for (var round = 0; round < 4000; round++)
        {
            var length = random.Next(1, 120);
            var textLike = random.NextDouble();
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = random.NextDouble() < textLike ? "AZaf27"[random.Next(6)] : base64[random.Next(base64.Length)];
            }

            var run = new string(chars) + new string('=', random.Next(3));
            var hexRun = new string([.. chars.Select(c => hex.Contains(c, StringComparison.Ordinal) ? c : hex[c % 16])]);

            // When / Then: the early-stopping checks decide as the count over all groups does
            var base64Verdict = EncodedContent.Base64HasTextShape(run);
            base64Verdict.ShouldBe(ReferenceBase64Shape(run), run);
            EncodedContent.HexHasTextShape(hexRun).ShouldBe(ReferenceHexShape(hexRun), hexRun);
            decided[base64Verdict ? 1 : 0]++;
        }

        decided.ShouldAllBe(count => count > 500);
    }

    private static bool ReferenceBase64Shape(string run)
    {
        var groups = 0;
        var textLike = 0;
        for (var i = 0; i + 1 < run.Length && run[i] != '='; i += 4)
        {
            groups++;
            textLike += run[i] is (>= 'A' and <= 'Z') or (>= 'a' and <= 'f') ? 1 : 0;
        }

        return textLike >= groups * 3 / 4;
    }

    private static bool ReferenceHexShape(string run)
    {
        var textLike = 0;
        for (var i = 0; i < run.Length; i += 2)
        {
            textLike += run[i] is >= '2' and <= '7' ? 1 : 0;
        }

        return textLike >= run.Length / 2 * 3 / 4;
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
