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
        var gaps = new List<ScanGap>();

        // When
        var matches = detector.Detect(bait + "token " + secret + "\n", gaps);

        // Then the timeouts cut the bait short (a few per rule, not one per window), the token is found,
        // and every window the bait rule did not check is reported rather than silently dropped
        matches.ShouldHaveSingleItem().Secret.ShouldBe(secret);
        gaps.ShouldContain(g => g.Rule.Metadata.Id == "TST005" && g.Offset < bait.Length);
    }

    [Fact]
    public void Should_give_every_input_a_fresh_timeout_budget_though_the_detector_reuses_its_scanners()
    {
        // Given a detector that has just given up on a rule in one input (one timeout is its limit)
        var bait = string.Concat(Enumerable.Repeat("bait:" + new string('a', 40) + "!\n", 1000));
        var options = new SecretDetectorOptions { MaxTimeoutsPerRule = 1, RetryTimeout = TimeSpan.FromMilliseconds(50) };
        var detector = new SecretDetector([new TestBacktrackingBait(), new TestGitHubToken()], options);
        var first = new List<ScanGap>();
        detector.Detect(bait, first);
        first.ShouldNotBeEmpty();

        // When it scans other inputs, one of them through the streaming path
        var second = new List<ScanGap>();
        detector.Detect("bait: short\n", second);
        var third = new List<ScanGap>();
        _ = detector.Scan("bait: short too\n".AsMemory(), third).ToList();

        // Then the rule runs there again: nothing is reported as unchecked
        second.ShouldBeEmpty();
        third.ShouldBeEmpty();
    }

    [Fact]
    public void Should_retry_a_window_whose_pattern_timed_out_and_keep_its_finding()
    {
        // Given a rule whose pattern needs far more than its (tiny) timeout before it matches, as on a starved machine
        var detector = new SecretDetector([new SlowRule()], Lenient(TimeSpan.FromMinutes(1)));
        var gaps = new List<ScanGap>();

        // When
        var matches = detector.Detect("x = slow:" + new string('a', 22) + "c\n", gaps);

        // Then the lenient retry finds the secret and nothing is reported missing
        matches.ShouldHaveSingleItem().Secret.ShouldBe(new string('a', 22) + "c");
        gaps.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_keep_the_findings_of_a_file_and_report_what_the_patterns_gave_up_on()
    {
        // Given a file with backtracking bait and a real token
        var secret = TestGitHubToken.NewSecret();
        var content = string.Concat(Enumerable.Repeat("bait:" + new string('a', 40) + "!\n", 10)) + "token " + secret + "\n";
        var scanner = new SecretsScanner([new TestBacktrackingBait(), new TestGitHubToken()]);
        var file = Shipgate.Core.ScanFile.FromBytes("bait.txt", Encoding.UTF8.GetBytes(content));

        // When
        var context = new Shipgate.Core.RuleContext("bait.txt", "bait.txt", Shipgate.Core.RuleSettings.Default);
        var findings = await scanner.ScanAsync(file, context, CancellationToken.None);

        // Then the engine gets the token and a one-line error naming the rule
        findings.ShouldHaveSingleItem().RuleId.ShouldBe("TST001");
        var error = context.Errors.ShouldHaveSingleItem();
        error.Message.ShouldStartWith("secret patterns timed out, so part of the file was not checked by them: ");
        error.Message.ShouldContain("TST005 at offset 0");
    }

    private static SecretDetectorOptions Lenient(TimeSpan retry) => new() { RetryTimeout = retry };

    /// <summary>Backtracks through 2^22 paths before its second branch matches; its timeout is far shorter than that.</summary>
    private sealed class SlowRule : Shipgate.Secrets.Rules.SecretPattern
    {
        public override Shipgate.Core.RuleMetadata Metadata { get; } =
            new("TST091", nameof(SlowRule), "Slow rule", Shipgate.Core.Category.Secrets, Shipgate.Core.Severity.Low, Shipgate.Core.Confidence.Low);

        public override IReadOnlyList<string> Keywords { get; } = ["slow:"];

        public override System.Text.RegularExpressions.Regex Pattern { get; } =
            new(@"slow:(?:(a+)+b|(?<secret>a+c))", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(1));

        public override bool IsPlaceholder(string secret) => false;

        public override IEnumerable<string> TruePositives() { yield break; }

        public override IEnumerable<string> FalsePositives() { yield break; }
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
