using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;
using Shipgate.Secrets.Tests.TestRules;

namespace Shipgate.Secrets.Tests.Detection;

public sealed class PrefilterDifferentialTests
{
    private static readonly SecretPattern[] Rules = [new TestGitHubToken(), new TestPrivateKey(), new TestCloudSecretKey()];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Should_find_exactly_what_the_naive_scan_finds(int seed)
    {
        // Given random source text with secrets, near misses and upper-case keywords planted at random lines
        var random = new Random(seed);
        var planted = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            planted.Add(random.Next(6) switch
            {
                0 => "token: " + TestGitHubToken.NewSecret(),
                1 => TestPrivateKey.NewSecret(),
                2 => "CLOUD_SECRET_KEY=" + TestCloudSecretKey.NewSecret(),
                3 => "cloud_secret = " + TestCloudSecretKey.NewSecret(),
                4 => "ghp_" + Samples.AlphaNumeric(35) + " too short",
                _ => "x" + TestGitHubToken.NewSecret() + " glued to a word",
            });
        }

        var text = TestText.Plant(random, TestText.Source(random, 200_000, seed % 2 == 0 ? "\n" : "\r\n"), planted);

        // When the windowed detector and the naive whole-text scan run over it
        var naive = TestText.Naive(Rules, text);
        var detected = TestText.Keys(new SecretDetector(Rules).Detect(text));

        // Then they agree exactly (case-insensitive keywords included: CLOUD_SECRET does not match the case-sensitive regex)
        naive.Count.ShouldBeGreaterThan(5);
        detected.ShouldBe(naive);
    }

    [Fact]
    public void Should_agree_with_the_naive_scan_when_the_string_is_chunked()
    {
        // Given a text several chunks long
        var random = new Random(42);
        var planted = Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? TestPrivateKey.NewSecret() : "k=" + TestGitHubToken.NewSecret()).ToList();
        var text = TestText.Plant(random, TestText.Source(random, 600_000), planted);
        var detector = new SecretDetector(Rules, new SecretDetectorOptions { ChunkSize = 1, MaxEncodedRunLength = 1024 });
        text.Length.ShouldBeGreaterThan(detector.ChunkSize * 3);

        // When / Then
        TestText.Keys(detector.Detect(text)).ShouldBe(TestText.Naive(Rules, text));
    }

    [Fact]
    public void Should_agree_with_the_naive_scan_when_keywords_need_several_searchers()
    {
        // Given more keywords than one vectorised searcher takes, and tokens of every rule, some across 64K block edges
        var rules = DummyTokenRule.Catalogue().Where(r => !r.IsGeneric).ToArray();
        var keywords = rules.SelectMany(r => r.Keywords).ToArray();
        keywords.Length.ShouldBeGreaterThan(KeywordIndex.GroupSize);
        var random = new Random(21);
        var planted = Enumerable.Range(0, 60).Select(i => Upper(random, keywords[i % keywords.Length]) + Samples.AlphaNumeric(i % 7 == 0 ? 31 : 32)).ToList();
        var text = TestText.Plant(random, TestText.Source(random, 400_000), planted).ToCharArray();
        foreach (var edge in new[] { 65_536, 131_072, 196_608, 262_144 })
        {
            var keyword = keywords[random.Next(keywords.Length)];
            var token = " " + keyword + Samples.AlphaNumeric(32) + " ";
            token.CopyTo(0, text, edge - random.Next(1, keyword.Length) - 1, token.Length);
        }

        var content = new string(text);

        // When
        var naive = TestText.Naive(rules, content);

        // Then
        naive.Count(f => f.Offset is > 65_000 and < 65_600 or > 262_000 and < 262_200).ShouldBeGreaterThanOrEqualTo(2);
        TestText.Keys(new SecretDetector(rules).Detect(content)).ShouldBe(naive);
    }

    private static string Upper(Random random, string keyword) => random.Next(2) == 0 ? keyword.ToUpperInvariant() : keyword;

    [Fact]
    public void Should_merge_overlapping_windows_so_a_secret_is_reported_once()
    {
        // Given one token surrounded by many occurrences of its keyword
        var secret = TestGitHubToken.NewSecret();
        var text = string.Concat(Enumerable.Repeat("ghp_ ", 50)) + secret + string.Concat(Enumerable.Repeat(" ghp_", 50));

        // When
        var matches = new SecretDetector(Rules).Detect(text);

        // Then
        matches.ShouldHaveSingleItem().Secret.ShouldBe(secret);
    }

    [Fact]
    public void Should_run_rules_without_keywords_over_the_whole_buffer()
    {
        // Given a rule with no keywords
        var rule = new NoKeywordRule();
        var secret = "zz" + TestCatalogue.NotPlaceholder(() => Samples.Mixed(30));

        // When
        var matches = new SecretDetector([rule]).Detect("a b c\n" + secret + "\n");

        // Then
        matches.ShouldHaveSingleItem().SecretOffset.ShouldBe(6);
    }

    private sealed class NoKeywordRule : SecretPattern
    {
        public override Shipgate.Core.RuleMetadata Metadata { get; } =
            new("TST090", nameof(NoKeywordRule), "No keyword", Shipgate.Core.Category.Secrets, Shipgate.Core.Severity.Low, Shipgate.Core.Confidence.Low);

        public override IReadOnlyList<string> Keywords { get; } = [];

        public override System.Text.RegularExpressions.Regex Pattern { get; } =
            new(@"\bzz[A-Za-z0-9]{30}\b", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(250));

        public override IEnumerable<string> TruePositives() { yield break; }

        public override IEnumerable<string> FalsePositives() { yield break; }
    }
}
