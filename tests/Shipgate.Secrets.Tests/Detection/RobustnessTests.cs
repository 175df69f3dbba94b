using System.Security.Cryptography;
using System.Text;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Tests.TestRules;

namespace Shipgate.Secrets.Tests.Detection;

public sealed class RobustnessTests
{
    [Fact]
    public void Should_scan_a_ten_megabyte_single_line()
    {
        // Given 10 MB of alphanumerics on one line with a token near the end
        var random = new Random(7);
        var builder = new StringBuilder(string.Create(10_000_000, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Samples.AlphaNumericChars[r.Next(Samples.AlphaNumericChars.Length)];
            }
        }));
        var secret = TestGitHubToken.NewSecret();
        builder.Insert(9_900_000, " " + secret + " ");
        var text = builder.ToString();
        var detector = new SecretDetector(TestCatalogue.Rules);

        // When it is scanned as a string and as a stream
        var matches = detector.Detect(text);
        var streamed = detector.Scan(new StringReader(text)).ToList();

        // Then the token is found once, on line 1, with a bounded snippet
        matches.ShouldHaveSingleItem().SecretOffset.ShouldBe(9_900_001);
        var located = streamed.ShouldHaveSingleItem();
        (located.StartLine, located.StartColumn).ShouldBe((1, 9_900_002));
        located.RedactedLine.Length.ShouldBeLessThan(400);
        located.RedactedLine.ShouldNotContain(secret);
    }

    [Fact]
    public void Should_finish_on_catastrophic_backtracking_bait_and_still_find_other_secrets()
    {
        // Given a thousand lines of bait for a backtracking-prone rule, and a real token after them
        var bait = string.Concat(Enumerable.Repeat("bait:" + new string('a', 40) + "!\n", 1000));
        var secret = TestGitHubToken.NewSecret();
        var detector = new SecretDetector([new TestBacktrackingBait(), new TestGitHubToken()]);

        // When
        var matches = detector.Detect(bait + "token " + secret + "\n");

        // Then the timeouts cut the bait short (a few per rule, not one per window) and the token is found
        matches.ShouldHaveSingleItem().Secret.ShouldBe(secret);
    }

    [Fact]
    public void Should_never_crash_on_invalid_utf8()
    {
        // Given random bytes (no NUL) around an ASCII token
        var secret = TestGitHubToken.NewSecret();
        var noise = RandomNumberGenerator.GetBytes(200_000).Select(b => b == 0 ? (byte)0xC3 : b).ToArray();
        var bytes = noise[..100_000].Concat(Encoding.ASCII.GetBytes("\n" + secret + "\n")).Concat(noise[100_000..]).ToArray();

        // When
        var found = new SecretDetector(TestCatalogue.Rules).Scan(new MemoryStream(bytes)).ToList();

        // Then
        found.ShouldContain(f => f.Secret == secret);
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    [InlineData("utf-8")]
    public void Should_decode_byte_order_marks(string encodingName)
    {
        // Given a file in UTF-16 (either byte order) or UTF-8, with a BOM
        var encoding = Encoding.GetEncoding(encodingName);
        var secret = TestGitHubToken.NewSecret();
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("first line\r\n  token: " + secret + "\r\n")).ToArray();

        // When
        var found = new SecretDetector(TestCatalogue.Rules).Scan(new MemoryStream(bytes)).ToList().ShouldHaveSingleItem();

        // Then
        (found.Secret, found.StartLine, found.StartColumn).ShouldBe((secret, 2, 10));
    }
}
