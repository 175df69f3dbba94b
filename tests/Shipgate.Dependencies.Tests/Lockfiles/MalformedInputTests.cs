using System.Globalization;
using System.Text;
using Shipgate.Core;
using Shipgate.Dependencies.Lockfiles;
using Shipgate.Dependencies.Tests.Support;

namespace Shipgate.Dependencies.Tests.Lockfiles;

/// <summary>Bad input never escapes as anything but <see cref="InputFormatException"/>, and hostile shapes stay bounded.</summary>
public sealed class MalformedInputTests
{
    public static TheoryData<string, string> Fixtures() => LockfileFixtureTests.Cases();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Truncated_and_mangled_fixtures_parse_or_fail_cleanly(string format, string file)
    {
        // Given a real fixture, cut short at many points and with bytes flipped
        var parser = LockfileFormats.Create(NoFileReader.Instance).Find(format)!.Parser;
        var content = File.ReadAllText(Path.Combine(Golden.OutputRoot, FixtureFiles.RelativePath(format, file)));
        var random = new Random(content.Length);
        var variants = new List<string>();
        for (var cut = 0; cut < content.Length; cut += Math.Max(1, content.Length / 40))
        {
            variants.Add(content[..cut]);
        }

        for (var i = 0; i < 20 && content.Length > 0; i++)
        {
            var chars = content.ToCharArray();
            const string Noise = "{}[]\"':,=#\n\\\0@(";
            chars[random.Next(chars.Length)] = Noise[random.Next(Noise.Length)];
            variants.Add(new string(chars));
        }

        // When each variant is parsed / Then it yields packages or an InputFormatException, nothing else
        foreach (var variant in variants)
        {
            try
            {
                parser.Parse(variant, "fuzz/" + file);
            }
            catch (InputFormatException)
            {
            }
        }
    }

    public static TheoryData<string, string> DeepDocuments() => new()
    {
        { "package-lock.json", new string('[', 100_000) },
        { "composer.lock", "{\"packages\":" + new string('[', 5_000) },
        { "pnpm-lock.yaml", new string('[', 100_000) },
        { "pubspec.lock", string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', i) + "k:\n")) },
        { "Cargo.lock", "x = " + new string('[', 100_000) },
        { "uv.lock", "x = " + string.Concat(Enumerable.Repeat("{a=", 50_000)) },
        { "csproj", string.Concat(Enumerable.Repeat("<a>", 100_000)) },
    };

    [Theory]
    [MemberData(nameof(DeepDocuments))]
    public void Deep_nesting_is_rejected_without_overflowing_the_stack(string format, string content)
    {
        var parser = LockfileFormats.Create(NoFileReader.Instance).Find(format)!.Parser;
        Should.Throw<InputFormatException>(() => parser.Parse(content, "deep"));
    }

    [Fact]
    public void Yaml_alias_bomb_costs_nothing()
    {
        // Given a "billion laughs" YAML document: each level refers to the previous one ten times
        var builder = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 30; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        builder.Append("packages:\n  bomb:\n    version: *a29\n");

        // When it is parsed / Then the aliases are shared, not expanded, and the odd version is simply not a string
        var packages = new PubspecLockParser().Parse(builder.ToString(), "bomb.lock");
        packages.ShouldBeEmpty();
    }

    [Fact]
    public void Requirements_include_loop_ends()
    {
        var files = new DictionaryFileReader(new Dictionary<string, string>
        {
            ["a/requirements.txt"] = "one==1\n-r other.txt\n",
            ["a/other.txt"] = "two==2\n-r requirements.txt\n--requirement=other.txt\n",
        });
        var packages = new RequirementsTxtParser(files).Parse(files.TryRead("a/requirements.txt")!, "a/requirements.txt");
        packages.Select(p => p.Name).ShouldBe(["one", "two"]);
        packages.ShouldAllBe(p => p.SourcePath == "a/requirements.txt");
    }

    [Fact]
    public void Pom_parent_cycle_ends()
    {
        var pom = "<project><groupId>g</groupId><artifactId>a</artifactId><parent><artifactId>a</artifactId><relativePath>pom.xml</relativePath></parent>"
            + "<dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>1</version></dependency></dependencies></project>";
        var files = new DictionaryFileReader(new Dictionary<string, string> { ["pom.xml"] = pom });
        new MavenPomParser(files).Parse(pom, "pom.xml").Select(p => p.Name).ShouldBe(["x:y"]);
    }

    [Fact]
    public void Pom_property_that_refers_to_itself_stays_bounded()
    {
        var pom = "<project><properties><v>${v}${v}</v></properties><dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>${v}</version></dependency></dependencies></project>";
        var packages = new MavenPomParser(NoFileReader.Instance).Parse(pom, "pom.xml");
        packages.Single().Version.Length.ShouldBeLessThan(10_000);
    }

    private sealed class DictionaryFileReader(Dictionary<string, string> files) : IFileReader
    {
        public bool Exists(string path) => files.ContainsKey(Normalize(path));

        public string? TryRead(string path) => files.GetValueOrDefault(Normalize(path));

        private static string Normalize(string path) => Path.GetRelativePath("/", Path.GetFullPath(path, "/")).Replace('\\', '/');
    }
}
