using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;
using Shipgate.Secrets.Tests.TestRules;

namespace Shipgate.Secrets.Tests.Detection;

public sealed class OverlapAndRedactionTests
{
    [Fact]
    public void Should_keep_the_specific_rule_when_a_generic_rule_matches_the_same_span()
    {
        // Given a token in a generic assignment
        var secret = TestGitHubToken.NewSecret();

        // When
        var match = new SecretDetector([new TestGenericSecret(), new TestGitHubToken()]).Detect("token = " + secret).ShouldHaveSingleItem();

        // Then
        match.Rule.ShouldBeOfType<TestGitHubToken>();
    }

    [Fact]
    public void Should_prefer_the_longer_keyword_at_equal_confidence_then_the_non_generic_rule()
    {
        // Given three equally confident rules over the same token: short keyword, long keyword, and a generic twin of the long one
        var secret = "sk_live_" + TestCatalogue.NotPlaceholder(() => Samples.Mixed(24));
        var shortKeyword = new FixedRule("TST050", "sk_", @"sk_\w+", generic: false);
        var longKeyword = new FixedRule("TST051", "sk_live_", @"sk_live_\w+", generic: false);
        var genericTwin = new FixedRule("TST052", "sk_live_", @"sk_live_\w+", generic: true);

        // When
        var match = new SecretDetector([shortKeyword, genericTwin, longKeyword]).Detect("key " + secret).ShouldHaveSingleItem();

        // Then
        match.Rule.Metadata.Id.ShouldBe("TST051");
    }

    [Fact]
    public void Should_keep_both_when_equally_specific_rules_overlap()
    {
        var secret = "sk_live_" + TestCatalogue.NotPlaceholder(() => Samples.Mixed(24));
        var one = new FixedRule("TST053", "sk_live_", @"sk_live_\w+", generic: false);
        var two = new FixedRule("TST054", "sk_live_", @"sk_live_\w{8}", generic: false);

        new SecretDetector([one, two]).Detect(secret).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("ghp_0123456789abcdef", "ghp_…")]
    [InlineData("12345678", "1234…")]
    [InlineData("1234567", "…")]
    [InlineData("", "…")]
    public void Redact_shows_four_characters_of_long_values_only(string secret, string expected) =>
        Redactor.Redact(secret).ShouldBe(expected);

    [Fact]
    public void RedactLine_replaces_every_span_and_merges_overlaps()
    {
        Redactor.RedactLine("a=SECRETVALUE1 b=SECRETVALUE2", [(2, 12), (17, 12), (18, 3)]).ShouldBe("a=SECR… b=SECR…");
        Redactor.RedactLine("x=hunter22hunter22;", "hunter22hunter22").ShouldBe("x=hunt…;");
    }

    [Fact]
    public void Should_redact_every_secret_on_the_line_in_each_snippet()
    {
        // Given two tokens on one line
        var first = TestGitHubToken.NewSecret();
        var second = TestGitHubToken.NewSecret();

        // When
        var found = new SecretDetector([new TestGitHubToken()]).Scan("a " + first + " b " + second + "\n").ToList();

        // Then neither snippet shows either token
        found.Count.ShouldBe(2);
        found.ShouldAllBe(f => f.RedactedLine == "a ghp_… b ghp_…");
    }

    private sealed class FixedRule(string id, string keyword, string pattern, bool generic) : SecretPattern
    {
        public override RuleMetadata Metadata { get; } = new(id, "Fixed" + id, "Fixed " + id, Category.Secrets, Severity.High, Confidence.High);

        public override IReadOnlyList<string> Keywords { get; } = [keyword];

        public override Regex Pattern { get; } = new(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(RegexTimeoutMilliseconds));

        public override bool IsGeneric => generic;

        public override IEnumerable<string> TruePositives() { yield break; }

        public override IEnumerable<string> FalsePositives() { yield break; }
    }
}
