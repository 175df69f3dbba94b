namespace Shipgate.Core.Tests.Discovery;

public sealed class GlobTests
{
    public static TheoryData<string, string, bool, bool> Cases => new()
    {
        // pattern, path, path is a directory, expected
        { "*.min.js", "c.min.js", false, true },
        { "*.min.js", "a/b/c.min.js", false, true },
        { "*.js", "a/b.jsx", false, false },
        { "*", "a/b/c", false, true },
        { "a?c", "abc", false, true },
        { "a?c", "a/c", false, false },
        { "src/*.js", "src/a.js", false, true },
        { "src/*.js", "src/x/a.js", false, false },
        { "src/*.js", "lib/src/a.js", false, false },
        { "/root.txt", "root.txt", false, true },
        { "/root.txt", "a/root.txt", false, false },
        { "./build", "build/out.bin", false, true },
        { "./build", "src/build/out.bin", false, false },
        { "src/**/*.js", "src/a.js", false, true },
        { "src/**/*.js", "src/x/y/a.js", false, true },
        { "src/**/*.js", "lib/src/a.js", false, false },
        { "a/**/b", "a/b", false, true },
        { "a/**/b", "a/x/y/b", false, true },
        { "a/**/b", "a/xb", false, false },
        { "**/test/**", "test/b", false, true },
        { "**/test/**", "a/test/b/c.txt", false, true },
        { "**/test/**", "a/contest/b", false, false },
        { "**/*.env", ".env", false, true },
        { "**/*.env", "deploy/prod.env", false, true },
        { "**", "any/thing/deep", false, true },
        { "x/a**b", "x/a/y/b", false, true },
        { "x/a*b", "x/a/y/b", false, false },
        { "x/*", "x/y/z", false, true },
        { "vendor", "vendor/lib/x.js", false, true },
        { "vendor", "myvendor/x.js", false, false },
        { "vendor", "a/vendor", true, true },
        { "vendor/", "vendor", false, false },
        { "vendor/", "vendor", true, true },
        { "vendor/", "a/vendor/x.js", false, true },
        { "vendor/**", "vendor/x/y", false, true },
        { "vendor/**", "vendor", true, true },
        { "vendor/**", "vendor", false, false },
        { "vendor/**", "src/vendor/x", false, false },
        { "{a,b}.txt", "a.txt", false, true },
        { "{a,b}.txt", "c.txt", false, false },
        { "*.{js,ts}", "web/b.ts", false, true },
        { "*.{js,ts}", "web/b.tsx", false, false },
        { "src/{gen,build}/**", "src/gen/x.cs", false, true },
        { "src/{gen,build}/**", "src/other/x.cs", false, false },
        { "{*.md,docs/**}", "src/readme.md", false, true },
        { "{*.md,docs/**}", "docs/x/y.txt", false, true },
        { "{*.md,docs/**}", "src/docs/x.txt", false, false },
        { "a{b,c{d,e}}f", "acef", false, true },
        { "a{b,c{d,e}}f", "abf", false, true },
        { "a{b,c{d,e}}f", "acf", false, false },
        { "a{,.bak}", "a.bak", false, true },
        { "[a-c]x", "bx", false, true },
        { "[a-c]x", "dx", false, false },
        { "[!a-c]x", "dx", false, true },
        { "[!a-c]x", "ax", false, false },
        { "a[/]b", "a/b", false, false },
        { "[{]x", "{x", false, true },
        { "\\*x", "*x", false, true },
        { "\\*x", "ax", false, false },
        { "\\{a,b\\}", "{a,b}", false, true },
        { "README.md", "readme.md", false, false },
        { "*.js", "./a.js", false, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsMatch_Table_ReturnsExpected(string pattern, string path, bool isDirectory, bool expected)
    {
        Glob.Compile(pattern).IsMatch(path, isDirectory).ShouldBe(expected, $"'{pattern}' against '{path}'");
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("[abc")]
    [InlineData("{a,b")]
    [InlineData("a\\")]
    [InlineData("[[:nope:]]")]
    [InlineData("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}")]
    public void Compile_MalformedPattern_ThrowsArgumentException(string pattern)
    {
        var exception = Should.Throw<ArgumentException>(() => Glob.Compile(pattern));
        exception.Message.ShouldContain($"'{pattern}'");
        Glob.TryCompile(pattern, ignoreCase: false, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void IsMatch_IgnoreCase_MatchesOtherCase()
    {
        var glob = Glob.Compile("Docs/*.MD", ignoreCase: true);

        glob.IsMatch("docs/readme.md").ShouldBeTrue();
        glob.IsMatch("DOCS/README.md").ShouldBeTrue();
        Glob.Compile("[A-C]x", ignoreCase: true).IsMatch("bX").ShouldBeTrue();
    }

    [Fact]
    public void IsMatch_LongPathAgainstManyStars_FinishesQuickly()
    {
        // Given a pattern that makes a backtracking matcher explode
        var glob = Glob.Compile(string.Concat(Enumerable.Repeat("*a", 30)) + "b");
        var path = new string('a', 4000);

        // When / Then: the automaton answers (a backtracking matcher would not finish in any reasonable time)
        glob.IsMatch(path).ShouldBeFalse();
    }

    [Fact]
    public void GlobSet_AnyPatternMatches_IsMatch()
    {
        var set = new GlobSet(["*.min.js", "dist/**"]);

        set.Count.ShouldBe(2);
        set.IsMatch("web/app.min.js").ShouldBeTrue();
        set.IsMatch("dist/a/b.css").ShouldBeTrue();
        set.IsMatch("src/app.js").ShouldBeFalse();
        GlobSet.Empty.IsMatch("anything").ShouldBeFalse();
    }

    [Fact]
    public void GlobSet_MalformedPattern_NamesItInTheError()
    {
        Should.Throw<ArgumentException>(() => new GlobSet(["ok/**", "bad["])).Message.ShouldContain("'bad['");
    }
}
