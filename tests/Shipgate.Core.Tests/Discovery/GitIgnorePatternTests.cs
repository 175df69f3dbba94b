namespace Shipgate.Core.Tests.Discovery;

public sealed class GitIgnorePatternTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# comment")]
    [InlineData("\r")]
    public void Parse_BlankOrComment_ReturnsNull(string line)
    {
        GitIgnorePattern.Parse(line, 1).ShouldBeNull();
    }

    [Theory]
    [InlineData("build/", false, true, true)]
    [InlineData("!keep.log", true, false, true)]
    [InlineData("/root.txt", false, false, false)]
    [InlineData("docs/*.md", false, false, false)]
    [InlineData("!/out/", true, true, false)]
    public void Parse_Line_ReadsFlags(string line, bool negated, bool directoryOnly, bool matchesBasename)
    {
        var pattern = GitIgnorePattern.Parse(line, 3).ShouldNotBeNull();

        pattern.Negated.ShouldBe(negated);
        pattern.DirectoryOnly.ShouldBe(directoryOnly);
        pattern.MatchesBasename.ShouldBe(matchesBasename);
        pattern.Line.ShouldBe(3);
    }

    [Theory]
    [InlineData("name   ", "name", true)]
    [InlineData("name\\ ", "name ", true)]
    [InlineData("name\\ ", "name", false)]
    [InlineData("name\\\\  ", "name\\", true)]
    [InlineData("name\t", "name\t", true)]
    [InlineData("name\r", "name", true)]
    [InlineData("\\#x", "#x", true)]
    [InlineData("\\!x", "!x", true)]
    [InlineData("x[", "x[", false)]
    [InlineData("x\\", "x", false)]
    public void IsMatch_SpacesEscapesAndMalformedLines_FollowGit(string line, string path, bool expected)
    {
        GitIgnorePattern.Parse(line, 1).ShouldNotBeNull().IsMatch(path, isDirectory: false).ShouldBe(expected);
    }

    [Fact]
    public void IsMatch_DirectoryOnlyPattern_SkipsFiles()
    {
        var pattern = GitIgnorePattern.Parse("cache/", 1).ShouldNotBeNull();

        pattern.IsMatch("a/cache", isDirectory: true).ShouldBeTrue();
        pattern.IsMatch("a/cache", isDirectory: false).ShouldBeFalse();
    }

    [Fact]
    public void IsIgnored_DeeperFileOverridesShallowerAndExclude()
    {
        // Given patterns at three levels
        var rules = IgnoreRules.Empty
            .WithPatterns("a/b", ["!*.log"])
            .WithPatterns("", ["*.log"])
            .WithPatterns("a", ["x.txt"]);

        // Then: the deeper negation wins below a/b, whatever order the files were added in
        rules.IsIgnored("top.log", isDirectory: false).ShouldBeTrue();
        rules.IsIgnored("a/b/keep.log", isDirectory: false).ShouldBeFalse();
        rules.IsIgnored("a/x.txt", isDirectory: false).ShouldBeTrue();
        rules.IsIgnored("x.txt", isDirectory: false).ShouldBeFalse();
        rules.FileCount.ShouldBe(3);
    }
}
