namespace Shipgate.Core.Tests.Discovery;

/// <summary>
/// Compares <see cref="IgnoreRules"/> with the real <c>git check-ignore</c> on every file and directory of a tree:
/// a hand-written tree that exercises each rule of the gitignore documentation, and seeded random pattern sets.
/// </summary>
public sealed class IgnoreRulesDifferentialTests
{
    private static readonly string[] HandWrittenFiles =
    [
        "#hash", "!bang", "trail ", "trail", "space name.txt", "a.log", "keep.log", "sub/a.log", "sub/keep.log",
        "anchored.txt", "sub/anchored.txt", "build/out.bin", "src/build", "docs/a.tmp", "docs/x/y/b.tmp", "docs/c.md",
        "cache/c1", "deep/er/cache/c2", "logs/one.txt", "logs/important.txt", "logs/nested/important.txt",
        "vendor/keep.js", "vendor/other.js", "a.cfg", "d.cfg", "[abc].cfg", "filex.dat", "file1.dat", "a/z.txt",
        "a/b/z.txt", "a/b/c/z.txt", "b/a/z.txt", "x.swp", "x.swo", "x.swx", "1file.num", "file.num", "*literal",
        "xliteral", "foobar", "foo-x-bar", "foo/bar", "src/gen/g.cs", "lib/src/gen/g.cs", "k.secret", "public.secret",
        "tab\t", "back\\slash", "sub/t.txt", "sub/important.txt", "sub/deeper/l.log", "sub/deeper/t.txt",
        "sub/deeper/x/t.txt", "dironly/f", "other/dironly", "mid/x/end", "mid/end", "q/r/s/end", "onlyroot/x",
        "z/onlyroot/x", "qq/rr/ss", "q/qq", "nested/.gitignore-target/f", "ab/c.txt", "ba/c.txt", "caseA.TXT",
    ];

    private static readonly string[] RootIgnore =
    [
        "# a comment line",
        "",
        "   ",
        "\\#hash",
        "\\!bang",
        "trail\\ ",
        "space\\ name.txt   ",
        "*.log",
        "!keep.log",
        "/anchored.txt",
        "build/",
        "docs/**/*.tmp",
        "**/cache",
        "logs/**",
        "!logs/important.txt",
        "vendor/",
        "!vendor/keep.js",
        "[abc].cfg",
        "file[!0-9].dat",
        "a/**/z.txt",
        "*.sw[po]",
        "[[:digit:]]*.num",
        "\\*literal",
        "foo**bar",
        "src/gen/",
        "!public.secret",
        "tab\t",
        "back\\\\slash",
        "dironly/",
        "mid/**/end",
        "onlyroot/",
        "[!b]b/c.txt",
        "*.[Tt][Xx][Tt]x",
        "unclosed[",
        "lone\\",
        "/qq**",
    ];

    private static readonly string[] SubIgnore = ["*.txt", "!important.txt", "/deeper/x/"];

    private static readonly string[] DeeperIgnore = ["!*.log", "t.txt"];

    private static readonly string[] InfoExclude = ["*.secret", "z/"];

    [Fact]
    public void IsIgnored_HandWrittenTree_AgreesWithGitCheckIgnore()
    {
        // Given a repository with nested ignore files, negations, anchors, ** forms, classes and escapes
        using var temp = new TempDirectory();
        GitCli.Init(temp.Path);
        WriteHandWrittenTree(temp);

        // When both judge every path, Then they agree
        AssertAgreesWithGit(temp);
    }

    /// <summary>Writes the hand-written tree and its ignore files into an initialised repository.</summary>
    internal static void WriteHandWrittenTree(TempDirectory temp)
    {
        foreach (var file in HandWrittenFiles.Where(IsValidName))
        {
            temp.Write(file);
        }

        WriteLines(temp, ".gitignore", RootIgnore);
        WriteLines(temp, "sub/.gitignore", SubIgnore);
        WriteLines(temp, "sub/deeper/.gitignore", DeeperIgnore);
        WriteLines(temp, ".git/info/exclude", InfoExclude);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void IsIgnored_RandomPatterns_AgreesWithGitCheckIgnore(int seed)
    {
        // Given a fixed tree and random pattern sets in three nested ignore files
        using var temp = new TempDirectory();
        GitCli.Init(temp.Path);
        string[] directories = ["", "a", "b", "a/a", "a/b", "b/a", "a/b/c", "ab", "a/b/c/a"];
        string[] files = ["a.txt", "b.log", "ab", "c", "x.md", "a"];
        foreach (var directory in directories)
        {
            foreach (var file in files)
            {
                var path = directory.Length == 0 ? "f" + file : directory + "/" + file;
                if (!directories.Contains(path))
                {
                    temp.Write(path);
                }
            }
        }

        var random = new Random(seed);
        WriteLines(temp, ".gitignore", RandomPatterns(random, 12));
        WriteLines(temp, "a/.gitignore", RandomPatterns(random, 6));
        WriteLines(temp, "a/b/.gitignore", RandomPatterns(random, 6));
        WriteLines(temp, ".git/info/exclude", RandomPatterns(random, 3));

        // When both judge every path, Then they agree
        AssertAgreesWithGit(temp);
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    private static string[] RandomPatterns(Random random, int count)
    {
        string[] segments = ["a", "b", "ab", "c", "*", "?", "**", "[ab]", "[!a]", "a*", "*.txt", "*.log", "x*", "*b", "[a-b]?", "\\a", "a**", "**b", "[[:alpha:]]", "[]a]", "[!ab]*", "a?", "b\\ "];
        var lines = new string[count];
        for (var i = 0; i < count; i++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => segments[random.Next(segments.Length)]);
            var line = string.Join('/', parts);
            if (random.Next(4) == 0)
            {
                line = "/" + line;
            }

            if (random.Next(4) == 0)
            {
                line += "/";
            }

            if (random.Next(3) == 0)
            {
                line = "!" + line;
            }

            lines[i] = line;
        }

        return lines;
    }

    private static void AssertAgreesWithGit(TempDirectory temp)
    {
        var entries = ListTree(temp.Path);
        var git = GitCli.CheckIgnore(temp.Path, entries.Select(e => e.Path));
        var rules = LoadAllRules(temp.Path);

        var disagreements = entries
            .Where(e => rules.IsIgnored(e.Path, e.IsDirectory) != git[e.Path].Ignored)
            .Select(e => $"{e.Path}{(e.IsDirectory ? "/" : "")}: git says {(git[e.Path].Ignored ? "ignored" : "not ignored")} ({git[e.Path].Reason})")
            .ToList();
        disagreements.ShouldBeEmpty(DescribeIgnoreFiles(temp.Path));
        git.Values.ShouldContain(v => v.Ignored);
    }

    /// <summary>Every file and directory below <paramref name="root"/> except <c>.git</c>, relative, forward slashes.</summary>
    internal static List<(string Path, bool IsDirectory)> ListTree(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        return new DirectoryInfo(root).EnumerateFileSystemInfos("*", options)
            .Select(info => (Path: Path.GetRelativePath(root, info.FullName).Replace('\\', '/'), IsDirectory: info is DirectoryInfo))
            .Where(e => e.Path != ".git" && !e.Path.StartsWith(".git/", StringComparison.Ordinal))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static IgnoreRules LoadAllRules(string root)
    {
        var rules = IgnoreRules.Load(root);
        foreach (var file in Directory.EnumerateFiles(root, ".gitignore", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var directory = Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Replace('\\', '/');
            if (directory != ".")
            {
                rules = rules.WithIgnoreFile(directory, file);
            }
        }

        return rules;
    }

    private static string DescribeIgnoreFiles(string root) =>
        string.Join("\n", Directory.EnumerateFiles(root, ".gitignore", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Append(Path.Join(root, ".git", "info", "exclude"))
            .Select(f => $"--- {Path.GetRelativePath(root, f)}\n{File.ReadAllText(f)}"));

    private static void WriteLines(TempDirectory temp, string relative, IEnumerable<string> lines) =>
        temp.Write(relative, string.Join('\n', lines) + "\n");

    private static bool IsValidName(string path) =>
        !OperatingSystem.IsWindows() || path.IndexOfAny(['*', '\\', '\t', '"', '<', '>', '|', '?']) < 0 && !path.EndsWith(' ');
}
