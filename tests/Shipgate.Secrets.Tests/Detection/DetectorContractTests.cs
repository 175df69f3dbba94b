using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;
using Shipgate.Secrets.Tests.TestRules;

namespace Shipgate.Secrets.Tests.Detection;

public sealed class DetectorContractTests
{
    public static TheoryData<SecretPattern> Rules => [.. TestCatalogue.Rules, new TestBacktrackingBait()];

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_finds_its_true_positives_and_not_its_false_positives(SecretPattern rule)
    {
        var detector = new SecretDetector([rule]);

        rule.TruePositives().ShouldAllBe(sample => detector.Detect(sample).Any(m => m.Rule == rule));
        rule.FalsePositives().ShouldAllBe(sample => detector.Detect(sample).Count == 0);
    }

    [Fact]
    public void Should_report_each_secret_once_when_dense_keywords_split_merged_windows()
    {
        // Given a keyword every 100 characters for far longer than the largest merged window, and tokens among them
        var random = new Random(3);
        var lines = new List<string>();
        for (var i = 0; i < 4000; i++)
        {
            lines.Add(i % 37 == 0 ? "x = " + TestGitHubToken.NewSecret() : "ghp_ is a prefix " + TestText.Identifier(random) + new string('.', 60));
        }

        var text = string.Join('\n', lines);
        var detector = new SecretDetector([new TestGitHubToken()], new SecretDetectorOptions { MaxMergedWindow = 2048 });

        // When / Then
        TestText.Keys(detector.Detect(text)).ShouldBe(TestText.Naive([new TestGitHubToken()], text));
    }

    [Fact]
    public void Should_give_the_same_answers_from_many_threads()
    {
        // Given one shared detector and several different texts
        var detector = new SecretDetector(TestCatalogue.Rules);
        var random = new Random(9);
        var texts = Enumerable.Range(0, 8)
            .Select(i => TestText.Plant(random, TestText.Source(random, 50_000), [.. Enumerable.Range(0, 5).Select(_ => "t " + TestGitHubToken.NewSecret())]))
            .ToArray();
        var expected = texts.Select(t => TestText.Keys(detector.Detect(t))).ToArray();

        // When they are scanned concurrently, many times
        var results = new System.Collections.Concurrent.ConcurrentBag<bool>();
        Parallel.For(0, 64, i => results.Add(TestText.Keys(detector.Detect(texts[i % texts.Length])).SequenceEqual(expected[i % texts.Length])));

        // Then every run agrees with the sequential one
        results.ShouldAllBe(same => same);
    }
}
