using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shipgate.Containers.Images;
using Shipgate.Containers.Images.Rules;
using Shipgate.Core;

namespace Shipgate.Containers.Tests.Images;

public sealed partial class ImageRuleTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string> RuleIds() => [.. ImageRules.All().Select(r => r.Metadata.Id)];

    // Each case: rule id, config "config" object as JSON, references, whether the rule must fire.
    public static TheoryData<string, string, string[], bool> Cases() => new()
    {
        { "IMG001", """{"User":""}""", [], true },
        { "IMG001", """{"User":"root"}""", [], true },
        { "IMG001", """{"User":"0:0"}""", [], true },
        { "IMG001", """{}""", [], true },
        { "IMG001", """{"User":"10001"}""", [], false },
        { "IMG001", """{"User":"app:app"}""", [], false },
        { "IMG002", """{"User":"app","ExposedPorts":{"22/tcp":{}}}""", [], true },
        { "IMG002", """{"User":"app","ExposedPorts":{"8080/tcp":{},"2222/tcp":{}}}""", [], false },
        { "IMG003", """{"User":"app"}""", [], true },
        { "IMG003", """{"User":"app","Healthcheck":{"Test":["NONE"]}}""", [], true },
        { "IMG003", """{"User":"app","Healthcheck":{"Test":["CMD-SHELL","curl -f http://localhost/ || exit 1"]}}""", [], false },
        { "IMG004", """{"User":"app"}""", ["registry.example/app:latest"], true },
        { "IMG004", """{"User":"app"}""", ["docker.io/library/nginx"], true },
        { "IMG004", """{"User":"app"}""", ["latest"], true },
        { "IMG004", """{"User":"app"}""", ["registry.example:5000/app:1.4.2"], false },
        { "IMG004", """{"User":"app"}""", ["registry.example/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"], false },
        { "IMG004", """{"User":"app"}""", ["1.4.2"], false },
        { "IMG004", """{"User":"app"}""", [], false },
        { "IMG005", """{"User":"app","Env":["PATH=/usr/bin","DB_PASSWORD=hunter2-but-longer"]}""", [], true },
        { "IMG005", """{"User":"app","Env":["API_KEY=abc123def456"]}""", [], true },
        { "IMG005", """{"User":"app","Env":["DB_PASSWORD_FILE=/run/secrets/db","TOKEN_URL=https://auth.example/token","GPG_KEY=","API_TOKEN=${TOKEN}"]}""", [], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rule_FiresOnlyWhereItShould(string id, string config, string[] references, bool fires)
    {
        // Given an image whose config holds the case's settings
        var root = ImageBuilder.Config();
        root["config"] = JsonNode.Parse(config);
        var path = ImageBuilder.DockerArchive(temp.Path, [new LayerBuilder().File("etc/hostname", "x").Build()], references, root);
        var image = ImageReader.Read(path, "app.tar");

        // When the image scanner runs on its config
        var scanner = new ImageScanner();
        var file = ImageScanner.ConfigFile(image);
        scanner.Claims(file).ShouldBeTrue();
        var findings = await scanner.ScanAsync(file, new RuleContext(file.DisplayPath, file.DisplayPath, RuleSettings.Default), CancellationToken.None);

        // Then the rule fires exactly when expected, at the config, with a full-sentence message
        var mine = findings.Where(f => f.RuleId == id).ToList();
        (mine.Count > 0).ShouldBe(fires, string.Join("\n", findings.Select(f => f.RuleId + " " + f.Message)));
        mine.ShouldAllBe(f => f.Location.Path == "app.tar#config" && f.Message.EndsWith('.'));
    }

    // Each case: rule id, installed openssl source version, whether the rule must fire (the fake database says
    // 3.0.11-1~deb12u2 is vulnerable, fixed in 3.0.11-1~deb12u3).
    public static TheoryData<string, string, bool> PackageCases() => new()
    {
        { "IMG006", "3.0.11-1~deb12u2", true },
        { "IMG006", "3.0.11-1~deb12u3", false },
    };

    [Theory]
    [MemberData(nameof(PackageCases))]
    public async Task PackageRule_FiresOnlyWhereItShould(string id, string version, bool fires)
    {
        // Given a Debian image with two binary packages built from the openssl source
        var status = $"Package: libssl3\nStatus: install ok installed\nSource: openssl\nVersion: {version}\n\nPackage: openssl\nStatus: install ok installed\nVersion: {version}\n\n";
        var layer = new LayerBuilder().File("etc/os-release", "ID=debian\nVERSION_ID=12\n").File("var/lib/dpkg/status", status).Build();
        var image = ImageReader.Read(ImageBuilder.DockerArchive(temp.Path, [layer], ["app:1"]), "app.tar");

        // When the scanner matches the package list with a database that knows one vulnerable openssl version
        var file = ImageScanner.PackagesFile(image, image.Inventory.Packages);
        var scanner = new ImageScanner(new FakeMatcher());
        scanner.Claims(file).ShouldBeTrue();
        var findings = await scanner.ScanAsync(file, new RuleContext(file.DisplayPath, file.DisplayPath, RuleSettings.Default), CancellationToken.None);

        // Then one finding covers both binaries, at the first one's line of the list, with the advisory's severity
        var mine = findings.Where(f => f.RuleId == id).ToList();
        mine.Count.ShouldBe(fires ? 1 : 0);
        if (fires)
        {
            var finding = mine[0];
            finding.Message.ShouldBe("openssl 3.0.11-1~deb12u2 (Debian:12; installed as libssl3) has known vulnerability DSA-0001-1 (aliases: CVE-2099-0001): Test advisory. Severity critical (CVSS 3.1 9.8). Fixed in 3.0.11-1~deb12u3.");
            finding.Severity.ShouldBe(Severity.Critical);
            finding.Location.Path.ShouldBe("app.tar#packages");
            file.ReadAllText().Split('\n')[finding.Location.StartLine - 1].ShouldContain("pkg:deb/debian/libssl3@");
            finding.Properties["installed"].ShouldBe("libssl3");
        }
    }

    [Fact]
    public async Task PackageRule_UnscoredAdvisory_FollowsThePolicyOption()
    {
        var layer = new LayerBuilder().File("etc/os-release", "ID=debian\nVERSION_ID=12\n").File("var/lib/dpkg/status", "Package: openssl\nStatus: install ok installed\nVersion: 3.0.11-1~deb12u2\n\n").Build();
        var image = ImageReader.Read(ImageBuilder.DockerArchive(temp.Path, [layer], ["app:1"]), "app.tar");
        var file = ImageScanner.PackagesFile(image, image.Inventory.Packages);
        var settings = new RuleSettings(options: new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> { ["IMG006"] = new Dictionary<string, IReadOnlyList<string>> { ["unscored-severity"] = ["low"] } });

        var findings = await new ImageScanner(new FakeMatcher(Scored: false)).ScanAsync(file, new RuleContext(file.DisplayPath, file.DisplayPath, settings), CancellationToken.None);

        var finding = findings.Single(f => f.RuleId == "IMG006");
        finding.Severity.ShouldBe(Severity.Low);
        finding.Message.ShouldContain("reported as low by the unscored-severity policy");
    }

    [Fact]
    public async Task PackageRule_WithoutMatcher_ReportsNothing()
    {
        var layer = new LayerBuilder().File("etc/os-release", "ID=debian\nVERSION_ID=12\n").File("var/lib/dpkg/status", "Package: openssl\nStatus: install ok installed\nVersion: 3.0.11-1~deb12u2\n\n").Build();
        var image = ImageReader.Read(ImageBuilder.DockerArchive(temp.Path, [layer], ["app:1"]), "app.tar");
        var file = ImageScanner.PackagesFile(image, image.Inventory.Packages);

        var findings = await new ImageScanner().ScanAsync(file, new RuleContext(file.DisplayPath, file.DisplayPath, RuleSettings.Default), CancellationToken.None);

        findings.ShouldBeEmpty();
    }

    private sealed record FakeMatcher(bool Scored = true) : IImageVulnerabilityMatcher
    {
        public ValueTask<IReadOnlyList<ImageVulnerability>> MatchAsync(IReadOnlyList<Shipgate.Containers.Images.Packages.ImagePackage> packages, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<ImageVulnerability>>([.. packages
                .Where(p => p.SourceName == "openssl" && p.SourceVersion == "3.0.11-1~deb12u2")
                .Select(p => new ImageVulnerability(p, "DSA-0001-1", ["CVE-2099-0001"], Scored ? Severity.Critical : null, "CVSS 3.1 9.8", "Test advisory.", "3.0.11-1~deb12u3") { Score = Scored ? 9.8 : null })]);
    }

    [Fact]
    public async Task Findings_PointAtTheLineOfTheSetting()
    {
        var root = ImageBuilder.Config(c =>
        {
            c["User"] = "root";
            c["ExposedPorts"] = new JsonObject { ["22/tcp"] = new JsonObject() };
        });
        var path = ImageBuilder.DockerArchive(temp.Path, [new LayerBuilder().File("a", "b").Build()], ["app:1"], root);
        var file = ImageScanner.ConfigFile(ImageReader.Read(path, "app.tar"));
        var lines = file.ReadAllText().Split('\n');

        var findings = await new ImageScanner().ScanAsync(file, new RuleContext(file.DisplayPath, file.DisplayPath, RuleSettings.Default), CancellationToken.None);

        lines[findings.Single(f => f.RuleId == "IMG001").Location.StartLine - 1].ShouldContain("\"User\": \"root\"");
        lines[findings.Single(f => f.RuleId == "IMG002").Location.StartLine - 1].ShouldContain("\"22/tcp\"");
    }

    [Fact]
    public void Scanner_ClaimsNothingFromDisk()
    {
        new ImageScanner().Claims(ScanFile.FromBytes("config.json", "{}"u8.ToArray())).ShouldBeFalse();
    }

    [Fact]
    public void Ids_and_names_are_unique_and_follow_the_conventions()
    {
        var rules = ImageRules.All();
        rules.Select(r => r.Metadata.Id).ShouldBeUnique();
        foreach (var rule in rules)
        {
            var meta = rule.Metadata;
            IdPattern().IsMatch(meta.Id).ShouldBeTrue(meta.Id);
            meta.Name.Replace("-", "", StringComparison.Ordinal).ShouldBe(rule.GetType().Name, StringCompareShould.IgnoreCase);
            meta.Category.ShouldBe(Category.Docker);
            meta.Title.ShouldNotEndWith(".");
            meta.Description.ShouldNotBeNullOrWhiteSpace();
            meta.Remediation.ShouldNotBeNullOrWhiteSpace();
            meta.Equivalents.ShouldNotBeEmpty();
            meta.Equivalents.ShouldAllBe(e => e.StartsWith("dockle:", StringComparison.Ordinal) || e.StartsWith("trivy:", StringComparison.Ordinal) || e.StartsWith("grype:", StringComparison.Ordinal) || e.StartsWith("docker-scout:", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_docs_page_and_cases(string id)
    {
        var page = Path.Combine(TestPaths.RepositoryRoot, RuleDocs.RelativePathFor(id));
        File.Exists(page).ShouldBeTrue($"{page} is missing");
        var rule = ImageRules.All().Single(r => r.Metadata.Id == id);
        var text = File.ReadAllText(page);
        text.ShouldStartWith($"# {id}: {rule.Metadata.Title}");
        text.ShouldContain($"`{rule.Metadata.Name}`");
        var cases = Cases().Select(c => ((string)c[0], (bool)c[3]))
            .Concat(PackageCases().Select(c => ((string)c[0], (bool)c[2])))
            .Where(c => c.Item1 == id).ToList();
        cases.ShouldContain((id, true));
        cases.ShouldContain((id, false));
    }

    [GeneratedRegex(@"^IMG\d{3}$")]
    private static partial Regex IdPattern();
}
