using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;
using Xunit.Abstractions;

namespace Shipgate.Secrets.Tests.Rules;

/// <summary>
/// Fixtures, checksums and catalogue invariants for the provider rules SEC001–SEC099 (part A of the catalogue).
/// Every sample is generated at test time; nothing realistic is committed.
/// </summary>
public sealed partial class RulesPartATests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<SecretPattern> AllRules = SecretRuleCatalog.Create();
    private static readonly SecretDetector Detector = new(AllRules);

    /// <summary>Pairs (rule whose sample is scanned, other part-A rule that also fires) that are deliberate.</summary>
    private static readonly HashSet<(string Rule, string AlsoFires)> IntentionalOverlaps =
    [
        // A key pair is two findings: the secret (critical) and its id (medium), as in gitleaks.
        ("SEC002", "SEC001"),

        // An OAuth token response carries the access token next to its refresh token.
        ("SEC022", "SEC020"),
    ];

    /// <summary>Checksum-carrying formats: rule, sample builder, and how many trailing characters hold the checksum.</summary>
    private static readonly Dictionary<string, (string RuleId, Func<string> Generate, int ChecksumLength)> ChecksumFormats = new()
    {
        ["github-ghp"] = ("SEC017", () => TokenFormats.GitHubClassic("ghp_"), 6),
        ["github-gho"] = ("SEC019", () => TokenFormats.GitHubClassic("gho_"), 6),
        ["github-ghu"] = ("SEC020", () => TokenFormats.GitHubClassic("ghu_"), 6),
        ["github-ghs"] = ("SEC021", () => TokenFormats.GitHubClassic("ghs_"), 6),
        ["github-ghr"] = ("SEC022", () => TokenFormats.GitHubClassic("ghr_"), 6),
        ["gitlab-glpat-routable"] = ("SEC023", () => TokenFormats.GitLabRoutable("glpat-"), 7),
        ["gitlab-glpat-routable-unversioned"] = ("SEC023", () => TokenFormats.GitLabRoutable("glpat-", versioned: false), 7),
        ["gitlab-gldt-routable"] = ("SEC024", () => TokenFormats.GitLabRoutable("gldt-"), 7),
        ["gitlab-glrt-routable"] = ("SEC025", () => TokenFormats.GitLabRoutable("glrt-t1_"), 7),
        ["grafana-glsa"] = ("SEC085", TokenFormats.GrafanaServiceAccountToken, 8),
    };

    private static IEnumerable<SecretPattern> PartA => AllRules.Where(r => string.CompareOrdinal(r.Metadata.Id, "SEC100") < 0);

    public static TheoryData<string> PartAIds() => new(PartA.Select(r => r.Metadata.Id));

    public static TheoryData<string> ChecksumFormatNames() => new(ChecksumFormats.Keys);

    [Fact]
    public void Part_A_covers_about_eighty_rules_in_id_order()
    {
        var ids = PartA.Select(r => r.Metadata.Id).ToList();

        ids.Count.ShouldBeGreaterThanOrEqualTo(75);
        ids.ShouldBe(ids.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Rule_ids_and_names_are_unique_across_the_catalogue()
    {
        AllRules.Select(r => r.Metadata.Id).ShouldBeUnique();
        AllRules.Select(r => r.Metadata.Name).ShouldBeUnique();
    }

    [Theory]
    [MemberData(nameof(PartAIds))]
    public void Should_find_every_true_positive_with_its_own_rule(string id)
    {
        // Given the rule's generated samples
        var rule = RuleById(id);

        foreach (var line in rule.TruePositives())
        {
            // When the whole catalogue scans the line
            var all = Detector.Detect(line);
            var own = all.Where(m => m.Rule.Metadata.Id == id).ToList();

            // Then this rule reports a secret that is really in the line, at the offset it claims
            own.ShouldNotBeEmpty($"{id} missed: {Shorten(line)}; reported instead: {string.Join(", ", all.Select(m => m.Rule.Metadata.Id))}");
            own.ShouldAllBe(m => string.CompareOrdinal(line, m.SecretOffset, m.Secret, 0, m.SecretLength) == 0 && m.Secret.Length > 0);
        }
    }

    [Theory]
    [MemberData(nameof(PartAIds))]
    public void Should_not_fire_on_any_false_positive(string id)
    {
        var rule = RuleById(id);

        foreach (var line in rule.FalsePositives())
        {
            var own = Detector.Detect(line).Where(m => m.Rule.Metadata.Id == id).Select(m => m.Secret).ToList();

            own.ShouldBeEmpty($"{id} fired on: {Shorten(line)}");
        }
    }

    [Theory]
    [MemberData(nameof(PartAIds))]
    public void Metadata_follows_the_catalogue_conventions(string id)
    {
        var rule = RuleById(id);
        var metadata = rule.Metadata;

        metadata.Id.ShouldMatch(@"^SEC\d{3}$");
        metadata.Category.ShouldBe(Category.Secrets);
        metadata.Name.ShouldMatch("^[a-z0-9]+(-[a-z0-9]+)*$");
        metadata.Name.Replace("-", "", StringComparison.Ordinal).ShouldBe(rule.GetType().Name, StringCompareShould.IgnoreCase);
        metadata.Name.ToUpperInvariant().ShouldNotBe(metadata.Id);
        metadata.Title.ShouldNotBeNullOrWhiteSpace();
        metadata.Title.ShouldNotEndWith(".");
        char.IsUpper(metadata.Title[0]).ShouldBeTrue($"{id} title should be sentence case");
        metadata.Description.ShouldNotBeNullOrWhiteSpace();
        metadata.Remediation.ShouldNotBeNullOrWhiteSpace();
        metadata.Tags.ShouldContain("cwe-798");
        metadata.Equivalents.ShouldAllBe(e => Regex.IsMatch(e, "^gitleaks:[a-z0-9-]+$"));

        rule.Keywords.ShouldNotBeEmpty();
        rule.Keywords.ShouldAllBe(k => k.Length >= 3);
        rule.Pattern.MatchTimeout.ShouldBe(TimeSpan.FromMilliseconds(SecretPattern.RegexTimeoutMilliseconds));
        rule.TruePositives().Count().ShouldBeGreaterThanOrEqualTo(2);
        rule.FalsePositives().Count().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [MemberData(nameof(PartAIds))]
    public void Every_rule_has_a_documentation_page(string id)
    {
        var page = Path.Combine(RepositoryRoot(), RuleDocs.RelativePathFor(id));

        File.Exists(page).ShouldBeTrue($"missing {page}");
        File.ReadAllText(page).ShouldStartWith($"# {id}: {RuleById(id).Metadata.Title}");
    }

    [Theory]
    [MemberData(nameof(ChecksumFormatNames))]
    public void Checksum_formats_reject_any_one_character_change_in_the_checksum(string format)
    {
        var (ruleId, generate, checksumLength) = ChecksumFormats[format];

        // Given a freshly generated token with a correct checksum, which the rule finds
        var token = generate();
        Found(ruleId, $"token: \"{token}\"").ShouldBeTrue($"{format} valid sample not found: {token}");

        // When any single checksum character changes, then the rule rejects the token
        for (var i = token.Length - checksumLength; i < token.Length; i++)
        {
            var broken = TokenFormats.BreakLastCharacter(token[..(i + 1)]) + token[(i + 1)..];
            broken.Length.ShouldBe(token.Length);
            Found(ruleId, $"token: \"{broken}\"").ShouldBeFalse($"{format} accepted a bad checksum: {broken}");
        }
    }

    [Fact]
    public void Cross_fire_on_true_positives_is_reported_and_intentional_within_part_a()
    {
        var unexpected = new List<string>();
        foreach (var rule in PartA)
        {
            foreach (var line in rule.TruePositives())
            {
                var others = Detector.Detect(line).Select(m => m.Rule.Metadata.Id).Where(o => o != rule.Metadata.Id).Distinct(StringComparer.Ordinal);
                foreach (var other in others)
                {
                    output.WriteLine($"{rule.Metadata.Id} ({rule.Metadata.Name}) sample also fires {other}");
                    if (string.CompareOrdinal(other, "SEC100") < 0 && !IntentionalOverlaps.Contains((rule.Metadata.Id, other)))
                    {
                        unexpected.Add($"{rule.Metadata.Id} -> {other}: {Shorten(line)}");
                    }
                }
            }
        }

        output.WriteLine(unexpected.Count == 0 ? "No unintended overlaps inside part A." : string.Join(Environment.NewLine, unexpected));
        unexpected.ShouldBeEmpty();
    }

    private static bool Found(string ruleId, string line) => Detector.Detect(line).Any(m => m.Rule.Metadata.Id == ruleId);

    private static SecretPattern RuleById(string id) => PartA.Single(r => r.Metadata.Id == id);

    private static string Shorten(string line) => line.Length <= 160 ? line : line[..160] + "…";

    private static string RepositoryRoot() => Shipgate.Testing.SourceTree.RepositoryRoot;
}
