using System.Globalization;
using System.Text.RegularExpressions;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;

namespace Shipgate.Secrets.Tests.Rules;

/// <summary>
/// Catalogue tests for the secret rules SEC100–SEC199: every rule finds its generated true positives,
/// stays quiet on its false positives, and carries complete metadata and a docs page.
/// </summary>
public sealed partial class RulesPartBTests
{
    private static readonly IReadOnlyList<SecretPattern> Catalog = SecretRuleCatalog.Create();

    private static readonly SecretDetector Detector = new(Catalog);

    private static IEnumerable<SecretPattern> PartB => Catalog.Where(r => NumberOf(r.Metadata.Id) >= 100);

    public static TheoryData<string> PartBRuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in PartB)
        {
            data.Add(rule.Metadata.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PartBRuleIds))]
    public void Should_find_every_true_positive(string id)
    {
        // Given the rule and its samples, generated now
        var rule = RuleById(id);
        var samples = rule.TruePositives().ToList();

        foreach (var line in samples)
        {
            // When the whole catalogue scans the line
            var all = Detector.Detect(line);
            var matches = all.Where(m => m.Rule == rule).ToList();

            // Then this rule reports a secret that is part of the line
            matches.ShouldNotBeEmpty($"{id} missed: {line}; reported instead: {string.Join(", ", all.Select(m => m.Rule.Metadata.Id))}");
            matches.ShouldAllBe(m => line.Contains(m.Secret, StringComparison.Ordinal) && m.Secret.Length > 0);
        }
    }

    [Theory]
    [MemberData(nameof(PartBRuleIds))]
    public void Should_not_report_false_positives(string id)
    {
        var rule = RuleById(id);
        foreach (var line in rule.FalsePositives())
        {
            var matches = Detector.Detect(line).Where(m => m.Rule == rule).Select(m => m.Secret).ToList();
            matches.ShouldBeEmpty($"{id} fired on: {line}");
        }
    }

    [Theory]
    [MemberData(nameof(PartBRuleIds))]
    public void Should_have_complete_metadata(string id)
    {
        var rule = RuleById(id);
        var meta = rule.Metadata;

        IdShape().IsMatch(meta.Id).ShouldBeTrue();
        meta.Name.ShouldBe(meta.Name.ToLowerInvariant());
        KebabShape().IsMatch(meta.Name).ShouldBeTrue($"{id} name '{meta.Name}' is not kebab-case");
        meta.Name.Replace("-", "", StringComparison.Ordinal)
            .ShouldBe(rule.GetType().Name, StringCompareShould.IgnoreCase);
        meta.Name.ShouldNotBe(meta.Id);
        meta.Title.ShouldNotBeNullOrWhiteSpace();
        meta.Title.ShouldNotEndWith(".");
        meta.Category.ShouldBe(Shipgate.Core.Category.Secrets);
        meta.Description.ShouldNotBeNullOrWhiteSpace();
        meta.Remediation.ShouldNotBeNullOrWhiteSpace();
        meta.Tags.ShouldContain("secret");
        meta.Tags.ShouldContain("cwe-798");
        meta.Equivalents.ShouldAllBe(e => e.StartsWith("gitleaks:", StringComparison.Ordinal));

        rule.Keywords.ShouldNotBeEmpty();
        rule.Keywords.ShouldAllBe(k => k.Length >= 3);
        rule.TruePositives().Count().ShouldBeGreaterThanOrEqualTo(2);
        rule.FalsePositives().Count().ShouldBeGreaterThanOrEqualTo(3);
        rule.Pattern.MatchTimeout.ShouldBe(TimeSpan.FromMilliseconds(SecretPattern.RegexTimeoutMilliseconds));
    }

    [Theory]
    [MemberData(nameof(PartBRuleIds))]
    public void Should_have_a_docs_page(string id)
    {
        var page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
        File.Exists(page).ShouldBeTrue($"missing {page}");

        var text = File.ReadAllText(page);
        var rule = RuleById(id);
        text.ShouldStartWith($"# {id}: {rule.Metadata.Title}");
        text.ShouldContain($"| Name | {rule.Metadata.Name} |");
        foreach (var section in new[] { "## What it detects", "## Why it matters", "## How to fix", "## When to suppress", "## References" })
        {
            text.ShouldContain(section);
        }
    }

    [Fact]
    public void Should_register_part_b_rules_in_id_order_with_unique_ids_and_names()
    {
        var ids = PartB.Select(r => r.Metadata.Id).ToList();
        ids.ShouldBe(ids.Order(StringComparer.Ordinal).ToList());
        Catalog.Select(r => r.Metadata.Id).ShouldBeUnique();
        Catalog.Select(r => r.Metadata.Name).ShouldBeUnique();
        ids.Count.ShouldBeGreaterThanOrEqualTo(75);
        ids.ShouldAllBe(id => NumberOf(id) <= 199);
    }

    [Fact]
    public void Should_register_every_part_b_rule_type()
    {
        var registered = Catalog.Select(r => r.GetType()).ToHashSet();
        var defined = typeof(SecretPattern).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(SecretPattern).IsAssignableFrom(t));
        defined.Where(t => !registered.Contains(t)).Select(t => t.Name).ShouldBeEmpty();
    }

    /// <summary>
    /// Realistic lines from real-world code and config that hold no secret. The generic rules are where
    /// false positives come from, so none of these may fire any rule of the whole catalogue.
    /// </summary>
    public static TheoryData<string> NonSecretLines() =>
    [
        // configuration read from the environment or a secret store
        "const password = process.env.DB_PASSWORD;",
        "DB_PASSWORD = os.environ[\"DB_PASSWORD\"]",
        "password = os.getenv(\"POSTGRES_PASSWORD\", \"\")",
        "api_key = config.get(\"service.api_key\")",
        "var secret = Environment.GetEnvironmentVariable(\"CLIENT_SECRET\");",
        "String token = System.getenv(\"GITHUB_TOKEN\");",
        "token: ${{ secrets.NPM_TOKEN }}",
        "password: {{ .Values.postgresql.auth.password }}",
        "    password=settings.DATABASE_PASSWORD,",
        "client_secret = self.client_secret",
        "export AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY",
        "secret_key = ENV['SECRET_KEY_BASE']",
        "DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app",
        "<add key=\"ApiKey\" value=\"%API_KEY%\" />",
        "password: \"<your-password>\"",
        "api_key = \"YOUR_API_KEY_HERE\"",
        "password = \"changeme\"",
        // lockfiles, hashes and digests
        "      \"integrity\": \"sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXGOM3T4hbuf8BEPFCdtI5ufUHUnrA==\",",
        "  integrity sha512-dq1M3aDmG4Pe3c2hHrd9p3vNBgSwmUdaxgEa/KELcIVcJF7YNjtvHQQm9QrI8dSmRErPtcB0yTvvKVWCXcTLwg==",
        "\"node_modules/js-tokens\": { \"version\": \"4.0.0\", \"resolved\": \"https://registry.npmjs.org/js-tokens/-/js-tokens-4.0.0.tgz\" },",
        "image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
        "checksum = \"b1946ac92492d2347c6235b4d2611184\"",
        "password_hash = \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"",
        "token_digest: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
        "commit_sha=3f786850e387550fdab836ed7e6dc881de23001b",
        // identifiers, types and code that merely names a secret
        "tenant_id = \"8a1f3c52-7b6e-4f0a-9d3c-2e5b7a9c1d4f\"",
        "client_secret_id: 3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "password: string;",
        "def login(username: str, password: str) -> Token:",
        "public string Password { get; set; } = string.Empty;",
        "private readonly ITokenProvider tokenProvider;",
        "password = password",
        "apiKey: apiKey,",
        "if (password.length < 8) { throw new Error(\"Password too short\"); }",
        "secretName: my-app-tls",
        "tokenUrl: https://login.microsoftonline.com/common/oauth2/v2.0/token",
        "max_tokens = 4096",
        "SECRET_KEY_FILE=/run/secrets/django_secret_key",
        "password_min_length: 12",
        // test fixtures, examples and documentation
        "assert check_password(\"test-password-123\")",
        "password = \"example-password\"",
        "curl -u \"$USER:$PASSWORD\" https://api.example.com/v1/items",
        "https://user:password@example.com/path",
        "docker login -u \"$DOCKER_USER\" --password-stdin",
        "-----BEGIN RSA PRIVATE KEY-----\\n...\\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN PUBLIC KEY-----",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHdPg2j8Tr3Kx9Z6hN2b6Q8nq0o3K2cJf1mY7x0Q4tKp deploy@ci",
        "const logo = \"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\";",
        "auth_enabled: true",
        "secret: false",
        "token_ttl: 3600",
        "--password-file=/etc/app/password.txt",
        "mysql -u root -p\"$MYSQL_ROOT_PASSWORD\" -h db",
        "requirepass ${REDIS_PASSWORD}",
        "machine api.github.com login octocat password ${GITHUB_TOKEN}",
    ];

    [Theory]
    [MemberData(nameof(NonSecretLines))]
    public void Should_not_fire_any_rule_on_realistic_non_secret_lines(string line)
    {
        var matches = Detector.Detect(line).Select(m => $"{m.Rule.Metadata.Id}: {m.Secret}").ToList();
        matches.ShouldBeEmpty($"fired on: {line}");
    }

    [Fact]
    public void Crc32Base62_matches_the_known_answer()
    {
        // CRC-32/IEEE check value of "123456789" is 0xCBF43926.
        Crc32Base62.Crc32("123456789").ShouldBe(0xCBF43926u);
        Crc32Base62.Encode(0).ShouldBe("000000");
        Crc32Base62.Encode(uint.MaxValue).ShouldBe("4gfFC3");
        Crc32Base62.HasValidChecksum("123456789" + Crc32Base62.Encode(0xCBF43926u)).ShouldBeTrue();
        Crc32Base62.HasValidChecksum("123456789" + "000000").ShouldBeFalse();
    }

    private static SecretPattern RuleById(string id) => Catalog.Single(r => r.Metadata.Id == id);

    private static int NumberOf(string id) => int.Parse(id.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture);

    private static string RepositoryRoot() => Shipgate.Testing.SourceTree.RepositoryRoot;

    [GeneratedRegex(@"^SEC\d{3}$")]
    private static partial Regex IdShape();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex KebabShape();
}
