using System.Text;
using Shipgate.Core;
using Shipgate.Secrets.Tests.TestRules;

namespace Shipgate.Secrets.Tests;

public sealed class SecretsScannerTests
{
    private static readonly SecretsScanner Scanner = new(TestCatalogue.Rules);

    internal static RuleContext Context(string path, RuleSettings? settings = null) => new(path, path, settings ?? RuleSettings.Default);

    internal static async Task<IReadOnlyList<Finding>> Scan(SecretsScanner scanner, ScanFile file, RuleSettings? settings = null) =>
        await scanner.ScanAsync(file, Context(file.DisplayPath, settings), CancellationToken.None);

    [Fact]
    public async Task Should_report_a_redacted_finding_at_the_secret()
    {
        // Given a config file with a token on line 3
        var secret = TestGitHubToken.NewSecret();
        var file = ScanFile.FromBytes("deploy/app.env", Encoding.UTF8.GetBytes("# app\nNAME=demo\nGH_TOKEN=" + secret + " # ci\n"));

        // When
        var finding = (await Scan(Scanner, file)).ShouldHaveSingleItem();

        // Then
        finding.RuleId.ShouldBe("TST001");
        finding.Location.ShouldBe(new Location("deploy/app.env", 3, 10, 3, 49));
        finding.Message.ShouldBe("Test GitHub token 'ghp_…' found; revoke it and move it to a secret store.");
        finding.Snippet.ShouldBe("GH_TOKEN=ghp_… # ci");
        finding.Fingerprint.ShouldBe(Fingerprints.Compute("TST001", "", secret));
        ShouldNotLeak(finding, secret);
    }

    [Fact]
    public async Task Should_give_the_same_fingerprint_wherever_the_secret_moves()
    {
        var secret = TestGitHubToken.NewSecret();
        var one = (await Scan(Scanner, ScanFile.FromBytes("a.txt", Encoding.UTF8.GetBytes("t " + secret)))).ShouldHaveSingleItem();
        var two = (await Scan(Scanner, ScanFile.FromBytes("dir/b.yml", Encoding.UTF8.GetBytes("\n\n  key: " + secret)))).ShouldHaveSingleItem();

        one.Fingerprint.ShouldBe(two.Fingerprint);
    }

    [Fact]
    public async Task Should_copy_provenance_and_encoding_into_properties()
    {
        // Given a history blob with an encoded token
        var secret = TestGitHubToken.NewSecret();
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("token: " + secret));
        var file = ScanFile.FromBytes("k8s/secret.yaml", Encoding.UTF8.GetBytes("data:\n  gh: " + encoded + "\n"))
            .WithProvenance(new Dictionary<string, string> { ["commit"] = "abc123", ["author"] = "Dev" });

        // When
        var finding = (await Scan(Scanner, file)).ShouldHaveSingleItem();

        // Then
        finding.Properties.ShouldBe(new Dictionary<string, string> { ["author"] = "Dev", ["commit"] = "abc123", ["encoding"] = "base64" });
        finding.Message.ShouldContain("base64-encoded");
        finding.Snippet.ShouldBe("  gh: " + encoded[..4] + "…");
        ShouldNotLeak(finding, secret);
    }

    [Fact]
    public async Task Should_let_an_enabled_generic_rule_report_what_a_disabled_specific_rule_would_have()
    {
        // Given the specific token rule is disabled
        var secret = TestGitHubToken.NewSecret();
        var file = ScanFile.FromBytes("a.txt", Encoding.UTF8.GetBytes("token = " + secret));

        // When
        var findings = await Scan(Scanner, file, new RuleSettings(disabled: ["TST001"]));

        // Then the generic rule reports it instead, and nothing comes from the disabled rule
        findings.ShouldHaveSingleItem().RuleId.ShouldBe("TST003");
        (await Scan(Scanner, file)).ShouldHaveSingleItem().RuleId.ShouldBe("TST001");
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public async Task Should_claim_and_scan_utf16_files_with_a_bom(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var secret = TestGitHubToken.NewSecret();
        var file = ScanFile.FromBytes("win.ini", [.. encoding.GetPreamble(), .. encoding.GetBytes("[auth]\r\ntoken=" + secret + "\r\n")]);

        Scanner.Claims(file).ShouldBeTrue();
        (await Scan(Scanner, file)).ShouldHaveSingleItem().Location.ShouldBe(new Location("win.ini", 2, 7, 2, 46));
    }

    [Fact]
    public async Task Should_not_claim_binary_files_but_claim_archives_and_logs()
    {
        Scanner.Claims(ScanFile.FromBytes("image.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13])).ShouldBeFalse();
        Scanner.Claims(ScanFile.FromBytes("lib/app.jar", [0x50, 0x4B, 3, 4, 0, 0])).ShouldBeTrue();

        var secret = TestGitHubToken.NewSecret();
        var log = ScanFile.FromBytes("ci/build.log", Encoding.UTF8.GetBytes("step 1\n##[debug] token=" + secret + "\n"));
        Scanner.Claims(log).ShouldBeTrue();
        (await Scan(Scanner, log)).ShouldHaveSingleItem().Location.StartLine.ShouldBe(2);
    }

    [Fact]
    public async Task Should_survive_invalid_utf8()
    {
        var secret = TestGitHubToken.NewSecret();
        byte[] bytes = [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0x0A, .. Encoding.ASCII.GetBytes("x " + secret + "\n"), 0xF0, 0x28, 0x8C, 0xBC];

        (await Scan(Scanner, ScanFile.FromBytes("bad.txt", bytes))).ShouldHaveSingleItem().Location.StartLine.ShouldBe(2);
    }

    [Fact]
    public async Task Should_stream_large_files_from_disk_with_the_same_results()
    {
        // Given a file larger than the in-memory threshold
        var secret = TestGitHubToken.NewSecret();
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("filler line\n", 50_000)) + "k: " + secret + "\n");
            var small = new SecretsScanner(TestCatalogue.Rules, new SecretsScannerOptions { MaxInMemoryTextBytes = 1024 });
            var file = ScanFile.FromDisk(path, "big.txt", "big.txt", new FileInfo(path).Length);

            // When
            var finding = (await Scan(small, file)).ShouldHaveSingleItem();

            // Then
            finding.Location.ShouldBe(new Location("big.txt", 50_001, 4, 50_001, 43));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Should_stream_standard_input_style_content()
    {
        var secret = TestGitHubToken.NewSecret();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("a\nb\nexport T=" + secret + "\n"));

        var finding = Scanner.ScanStream(input, "<stdin>", Context("<stdin>")).ToList().ShouldHaveSingleItem();

        finding.Location.ShouldBe(new Location("<stdin>", 3, 10, 3, 49));
    }

    [Fact]
    public void Should_expose_rules_and_allow_markers()
    {
        Scanner.Category.ShouldBe(Category.Secrets);
        Scanner.Rules.Count.ShouldBe(TestCatalogue.Rules.Count);
        ((IScanner)Scanner).InlineAllowMarkers.ShouldBe(["gitleaks:allow", "pragma: allowlist secret"]);
    }

    internal static void ShouldNotLeak(Finding finding, string secret)
    {
        var visible = string.Join("\n", [finding.Message, finding.Snippet ?? "", finding.Location.Path, finding.Fingerprint,
            .. finding.Properties.Keys, .. finding.Properties.Values]);
        visible.ShouldNotContain(secret[4..]);
        visible.ShouldNotContain(secret[..12]);
    }
}
