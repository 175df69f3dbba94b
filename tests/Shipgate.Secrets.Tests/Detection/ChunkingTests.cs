using Shipgate.Core;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;
using Shipgate.Secrets.Tests.TestRules;

namespace Shipgate.Secrets.Tests.Detection;

public sealed class ChunkingTests
{
    private static readonly SecretPattern[] Rules = [new TestGitHubToken(), new TestPrivateKey()];

    private static SecretDetector SmallChunks() =>
        new(Rules, new SecretDetectorOptions { ChunkSize = 1, MaxEncodedRunLength = 1024 });

    [Fact]
    public void Should_find_secrets_straddling_chunk_boundaries_exactly_once_with_lines_and_columns()
    {
        // Given secrets placed across every kind of boundary the streamed reader produces:
        // the owned-range boundaries (where one chunk hands over to the next) and the raw buffer ends
        var detector = SmallChunks();
        var size = detector.ChunkSize;
        var overlap = detector.ChunkOverlap;
        var step = size - (2 * overlap);
        var text = Filler(size * 8);
        var planted = new List<(int Offset, string Secret)>();
        int[] shifts = [-40, -20, -1, 0, 1, 39];
        for (var k = 0; k < 6; k++)
        {
            var ownedBoundary = size - overlap + (k * step);
            var bufferEnd = size + (k * step);
            Put(text, ownedBoundary + shifts[k], TestGitHubToken.NewSecret(), planted);
            Put(text, bufferEnd + shifts[5 - k], TestGitHubToken.NewSecret(), planted);
        }

        Put(text, size - overlap + (6 * step) - 100, TestPrivateKey.NewSecret(), planted);
        var content = new string(text);
        var lines = new LineIndex(content);

        // When the text is streamed in small chunks
        var found = detector.Scan(new StringReader(content)).ToList();

        // Then each secret is found once, at the right offset, line and column
        found.Select(f => (f.Offset, f.Secret)).OrderBy(f => f.Offset).ShouldBe(planted.Select(p => ((long)p.Offset, p.Secret)).OrderBy(p => p.Item1));
        foreach (var secret in found)
        {
            var expected = lines.Span("x", (int)secret.Offset, secret.Length);
            (secret.StartLine, secret.StartColumn, secret.EndLine, secret.EndColumn)
                .ShouldBe((expected.StartLine, expected.StartColumn, expected.EndLine, expected.EndColumn));
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Should_stream_the_same_results_as_a_single_pass(int seed)
    {
        // Given a long random text with secrets, some on long lines
        var random = new Random(seed);
        var planted = Enumerable.Range(0, 300)
            .Select(i => i % 10 == 0 ? TestPrivateKey.NewSecret() : new string('y', random.Next(0, 400)) + " " + TestGitHubToken.NewSecret())
            .ToList();
        var text = TestText.Plant(random, TestText.Source(random, 400_000), planted);

        // When it is streamed in small chunks, and scanned in one piece
        var streamed = SmallChunks().Scan(new StringReader(text)).ToList();
        var whole = new SecretDetector(Rules, new SecretDetectorOptions { ChunkSize = 1 << 24 }).Scan(text).ToList();

        // Then every field agrees
        whole.Count.ShouldBe(planted.Count);
        streamed.ShouldBe(whole);
    }

    [Fact]
    public void Should_count_lines_across_chunks_with_crlf_line_endings()
    {
        // Given many CRLF lines and a token on line 5000
        var lines = Enumerable.Range(1, 6000).Select(i => "line " + i).ToArray();
        var secret = TestGitHubToken.NewSecret();
        lines[4999] = "    key: " + secret;
        var text = string.Join("\r\n", lines);

        // When
        var found = SmallChunks().Scan(new StringReader(text)).ToList().ShouldHaveSingleItem();

        // Then
        (found.StartLine, found.StartColumn, found.EndColumn).ShouldBe((5000, 10, 49));
        found.RedactedLine.ShouldBe("    key: ghp_…");
    }

    private static char[] Filler(int length)
    {
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = i % 80 == 79 ? '\n' : (char)('a' + (i % 26));
        }

        return text;
    }

    private static void Put(char[] text, int offset, string secret, List<(int Offset, string Secret)> planted)
    {
        text[offset - 1] = ' ';
        secret.CopyTo(0, text, offset, secret.Length);
        text[offset + secret.Length] = '\n';
        planted.Add((offset, secret));
    }
}
