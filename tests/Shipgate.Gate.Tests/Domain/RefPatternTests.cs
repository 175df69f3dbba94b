using Shipgate.Gate.Domain;

namespace Shipgate.Gate.Tests.Domain;

public class RefPatternTests
{
    [Theory]
    [InlineData("refs/heads/main", "refs/heads/main", true)]
    [InlineData("main", "refs/heads/main", true)]
    [InlineData("main", "refs/tags/main", false)]
    [InlineData("refs/tags/v*", "refs/tags/v1.2.3", true)]
    [InlineData("refs/tags/v*", "refs/tags/v1/hotfix", false)]
    [InlineData("releases/*", "refs/heads/releases/2026", true)]
    [InlineData("releases/*", "refs/heads/releases/2026/a", false)]
    [InlineData("releases/**", "refs/heads/releases/2026/a", true)]
    [InlineData("release-?", "refs/heads/release-1", true)]
    [InlineData("release-?", "refs/heads/release-12", false)]
    [InlineData("release-[0-9]", "refs/heads/release-7", true)]
    [InlineData("release-[!0-9]", "refs/heads/release-7", false)]
    [InlineData("refs/heads/main", "refs/heads/mainline", false)]
    [InlineData("feature.x", "refs/heads/featureYx", false)]
    public void Should_match_like_github(string pattern, string gitRef, bool expected)
    {
        RefPattern.Parse(pattern).IsMatch(gitRef).ShouldBe(expected);
    }
}
