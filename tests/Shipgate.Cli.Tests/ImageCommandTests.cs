using System.Text.Json;
using System.Text.Json.Nodes;
using Shipgate.Cli.Tests.Support;
using Shipgate.Containers.Tests.Images;

namespace Shipgate.Cli.Tests;

public sealed class ImageCommandTests : IDisposable
{
    private const string DpkgStatus = "Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nSource: openssl\nVersion: 3.0.11-1~deb12u2\n\n";
    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Scan_ImageWithSecretsAndRootUser_ReportsImageAndSecretFindings()
    {
        // Given a docker save archive: root user, a token in Env, a token in a layer file that a later layer keeps,
        // and a token in a file that a later layer deletes
        var envSecret = SecretSamples.GitHubToken();
        var fileSecret = SecretSamples.GitHubToken();
        var deletedSecret = SecretSamples.GitHubToken();
        var config = ImageBuilder.Config(c =>
        {
            c["User"] = "root";
            c["Env"] = new JsonArray("PATH=/usr/bin", "GH_TOKEN=" + envSecret.Secret);
        });
        var first = new LayerBuilder()
            .File("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
            .File("var/lib/dpkg/status", DpkgStatus)
            .File("etc/app/config.yml", "name: app\n" + fileSecret.Line + "\n")
            .File("tmp/build.env", deletedSecret.Line + "\n")
            .Build();
        var second = new LayerBuilder().Whiteout("tmp/build.env").Build();
        ImageBuilder.DockerArchive(dir.Path, [first, second], ["registry.example/app:2.0.1"], config, "app.tar");

        // When the image is scanned with a JSON report
        var run = CliHarness.Run(dir.Path, "image", "scan", "app.tar", "-f", "json", "-o", "report.json");

        // Then it fails on the high findings, reports the config rule and both live secrets, never the deleted one
        run.ExitCode.ShouldBe(1, run.ToString());
        var report = dir.Read("report.json");
        report.ShouldNotContain(envSecret.Secret);
        report.ShouldNotContain(fileSecret.Secret);
        using var json = JsonDocument.Parse(report);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Rule: f.GetProperty("ruleId").GetString()!, Path: f.GetProperty("location").GetProperty("path").GetString()!, Line: f.GetProperty("location").GetProperty("startLine").GetInt32()))
            .ToList();
        findings.ShouldContain(("IMG001", "app.tar#config", 5));
        findings.ShouldContain(f => f.Rule == envSecret.RuleId && f.Path == "app.tar#config");
        findings.ShouldContain((fileSecret.RuleId, "app.tar!/etc/app/config.yml", 2));
        findings.ShouldNotContain(f => f.Path.Contains("build.env", StringComparison.Ordinal));
        findings.ShouldNotContain(f => f.Rule == "IMG004");
        var layerFinding = json.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("location").GetProperty("path").GetString() == "app.tar!/etc/app/config.yml");
        layerFinding.GetProperty("properties").GetProperty("image").GetString().ShouldBe("registry.example/app:2.0.1");
        layerFinding.GetProperty("properties").GetProperty("image.layer").GetString()!.ShouldStartWith("sha256:");
    }

    [Fact]
    public void Scan_DisabledRuleAndFailOn_AreHonoured()
    {
        var config = ImageBuilder.Config(c => c["User"] = "");
        ImageBuilder.DockerArchive(dir.Path, [new LayerBuilder().File("etc/hostname", "box\n").Build()], ["app:1"], config, "app.tar");
        dir.Write(".shipgate.yml", "disable: [IMG001]\n");

        var run = CliHarness.Run(dir.Path, "image", "scan", "app.tar", "--fail-on", "critical", "-f", "json", "-o", "r.json");

        run.ExitCode.ShouldBe(0, run.ToString());
        dir.Read("r.json").ShouldNotContain("IMG001");
    }

    [Fact]
    public void ListPackages_Json_IncludesOsAndLockfilePackages()
    {
        // Given an OCI layout with a dpkg database and an npm lockfile in the application folder
        var lockfile = """{"name":"web","lockfileVersion":3,"packages":{"":{"name":"web"},"node_modules/lodash":{"version":"4.17.20"}}}""";
        var layer = new LayerBuilder()
            .File("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
            .File("var/lib/dpkg/status", DpkgStatus)
            .File("srv/web/package-lock.json", lockfile)
            .Build();
        ImageBuilder.OciLayout(dir.Path, [(layer, Compression.Zstd)], refName: "1.0", name: "layout");

        // When listing packages as JSON
        var run = CliHarness.Run(dir.Path, "image", "scan", "layout", "--list-packages", "-f", "json");

        // Then both the OS package and the lockfile package are listed with ecosystems and purls
        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        var image = json.RootElement.GetProperty("images")[0];
        image.GetProperty("operatingSystem").GetProperty("ecosystem").GetString().ShouldBe("Debian:12");
        var packages = image.GetProperty("packages").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("ecosystem").GetString(), p.GetProperty("purl").GetString(), p.GetProperty("location").GetString()))
            .ToList();
        packages.ShouldContain(("libssl3", "Debian:12", "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl", "/var/lib/dpkg/status"));
        packages.ShouldContain(("lodash", "npm", "pkg:npm/lodash@4.17.20", "/srv/web/package-lock.json"));
    }

    [Fact]
    public void Scan_WithDatabase_ReportsVulnerableOsAndLanguagePackagesOnce()
    {
        // Given an OSV store with a Debian advisory for the openssl source package (and its CVE alias), an Alpine
        // advisory for busybox, an npm advisory for lodash, and an advisory for a Debian 11 release only
        WriteAdvisories();
        ImportAdvisories();

        // and a Debian 12 image whose libssl3 and openssl binaries come from the vulnerable openssl source version,
        // with a lockfile pinning a vulnerable lodash
        var dpkg = DpkgStatus
            + "Package: openssl\nStatus: install ok installed\nArchitecture: amd64\nVersion: 3.0.11-1~deb12u2\n\n"
            + "Package: zlib1g\nStatus: install ok installed\nArchitecture: amd64\nSource: zlib\nVersion: 1:1.2.13.dfsg-1\n\n";
        var lockfile = """{"name":"web","lockfileVersion":3,"packages":{"":{"name":"web"},"node_modules/lodash":{"version":"4.17.20"}}}""";
        var layer = new LayerBuilder()
            .File("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
            .File("var/lib/dpkg/status", dpkg)
            .File("srv/web/package-lock.json", lockfile)
            .Build();
        ImageBuilder.DockerArchive(dir.Path, [layer], ["app:1"], ImageBuilder.Config(c => c["User"] = "10001"), "app.tar");

        // When the image is scanned against the store
        var run = CliHarness.Run(dir.Path, "image", "scan", "app.tar", "--db", "osv.db", "-f", "json", "-o", "r.json");

        // Then openssl has one finding (both binaries named), lodash one, zlib and the Debian 11 advisory none
        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldNotContain("warning");
        using var json = JsonDocument.Parse(dir.Read("r.json"));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString() == "IMG006").ToList();
        findings.Count.ShouldBe(2, dir.Read("r.json"));
        var openssl = findings.Single(f => f.GetProperty("properties").GetProperty("package").GetString() == "openssl");
        var message = openssl.GetProperty("message").GetString()!;
        message.ShouldStartWith("openssl 3.0.11-1~deb12u2 (Debian:12; installed as libssl3) has known vulnerability DSA-5532-1 (aliases: CVE-2023-5363)");
        message.ShouldContain("Severity high (CVSS 3.1 7.5)");
        message.ShouldContain("Fixed in 3.0.11-1~deb12u3.");
        openssl.GetProperty("severity").GetString().ShouldBe("high");
        openssl.GetProperty("location").GetProperty("path").GetString().ShouldBe("app.tar#packages");
        openssl.GetProperty("properties").GetProperty("fixed-version").GetString().ShouldBe("3.0.11-1~deb12u3");
        var lodash = findings.Single(f => f.GetProperty("properties").GetProperty("package").GetString() == "lodash");
        lodash.GetProperty("severity").GetString().ShouldBe("medium");
        lodash.GetProperty("message").GetString()!.ShouldContain("reported as medium by the unscored-severity policy");
        json.RootElement.GetProperty("findings").EnumerateArray().ShouldNotContain(f => f.GetProperty("message").GetString()!.Contains("DEBIAN-CVE-2099", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_WithDatabase_FixedVersionsInstalled_ReportNothingAndFailOnIsHonoured()
    {
        // Given the same advisories and an Alpine image whose busybox is already at the fixed version, and a Debian
        // image whose openssl is fixed
        WriteAdvisories();
        ImportAdvisories();
        var alpine = new LayerBuilder()
            .File("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n")
            .File("lib/apk/db/installed", "P:busybox\nV:1.36.1-r16\nA:x86_64\no:busybox\n\n")
            .Build();
        ImageBuilder.DockerArchive(dir.Path, [alpine], ["alpine-app:1"], ImageBuilder.Config(c => c["User"] = "10001"), "alpine.tar");
        var fixedDpkg = "Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nSource: openssl\nVersion: 3.0.11-1~deb12u3\n\n";
        var debian = new LayerBuilder()
            .File("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
            .File("var/lib/dpkg/status", fixedDpkg)
            .Build();
        ImageBuilder.DockerArchive(dir.Path, [debian], ["debian-app:1"], ImageBuilder.Config(c => c["User"] = "10001"), "debian.tar");

        // When both are scanned
        var run = CliHarness.Run(dir.Path, "image", "scan", "alpine.tar", "debian.tar", "--db", "osv.db", "-f", "json", "-o", "r.json");

        // Then no package is reported
        run.ExitCode.ShouldBe(0, run.ToString());
        dir.Read("r.json").ShouldNotContain("IMG006");

        // And a vulnerable busybox is reported high, yet passes with --fail-on critical
        var vulnerable = new LayerBuilder()
            .File("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n")
            .File("lib/apk/db/installed", "P:busybox-binsh\nV:1.36.1-r15\nA:x86_64\no:busybox\n\n")
            .Build();
        ImageBuilder.DockerArchive(dir.Path, [vulnerable], ["alpine-app:2"], ImageBuilder.Config(c => c["User"] = "10001"), "alpine2.tar");
        var gated = CliHarness.Run(dir.Path, "image", "scan", "alpine2.tar", "--db", "osv.db", "--fail-on", "critical", "-f", "json", "-o", "r2.json");
        gated.ExitCode.ShouldBe(0, gated.ToString());
        var report = dir.Read("r2.json");
        report.ShouldContain("busybox 1.36.1-r15 (Alpine:v3.19; installed as busybox-binsh) has known vulnerability ALPINE-CVE-2023-42366");
        CliHarness.Run(dir.Path, "image", "scan", "alpine2.tar", "--db", "osv.db", "-f", "json", "-o", "r3.json").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Scan_UsesTheDatabaseNamedInTheConfiguration()
    {
        // Given an imported store named only in .shipgate.yml, and an image with a vulnerable busybox
        WriteAdvisories();
        ImportAdvisories();
        dir.Write(".shipgate.yml", "dependencies:\n  database: osv.db\n");
        var vulnerable = new LayerBuilder()
            .File("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n")
            .File("lib/apk/db/installed", "P:busybox\nV:1.36.1-r15\nA:x86_64\no:busybox\n\n")
            .Build();
        ImageBuilder.DockerArchive(dir.Path, [vulnerable], ["alpine-app:2"], ImageBuilder.Config(c => c["User"] = "10001"), "alpine.tar");

        // When scanned without --db
        var run = CliHarness.Run(dir.Path, "image", "scan", "alpine.tar", "-f", "json", "-o", "r.json");

        // Then the configured store was used
        run.ExitCode.ShouldBe(1, run.ToString());
        dir.Read("r.json").ShouldContain("ALPINE-CVE-2023-42366");
        run.Error.ShouldNotContain("no vulnerability database");
    }

    [Fact]
    public void Scan_WithoutDatabase_WarnsThatPackagesWereNotChecked()
    {
        var layer = new LayerBuilder()
            .File("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
            .File("var/lib/dpkg/status", DpkgStatus)
            .Build();
        ImageBuilder.DockerArchive(dir.Path, [layer], ["app:1"], ImageBuilder.Config(c => c["User"] = "10001"), "app.tar");

        var run = CliHarness.Run(dir.Path, "image", "scan", "app.tar", "--db", "missing.db", "-f", "json", "-o", "r.json");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Error.ShouldContain("warning: no vulnerability database at");
        run.Error.ShouldContain("the image's packages were not checked for known vulnerabilities (IMG006)");
        run.Error.ShouldContain("shipgate db update");
    }

    [Fact]
    public void Scan_PackagesOfUnorderedEcosystems_AreListedAsNotChecked()
    {
        // Given a Wolfi image (apk packages in an ecosystem without a known version ordering) with a Python package
        var layer = new LayerBuilder()
            .File("etc/os-release", "ID=wolfi\nVERSION_ID=20230201\n")
            .File("lib/apk/db/installed", "P:busybox\nV:1.36.1-r5\nA:x86_64\no:busybox\n\n")
            .File("usr/lib/python3.12/site-packages/requests-2.31.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\n")
            .Build();
        ImageBuilder.DockerArchive(dir.Path, [layer], ["app:1"], ImageBuilder.Config(c => c["User"] = "10001"), "app.tar");
        WriteAdvisories();
        ImportAdvisories();

        var run = CliHarness.Run(dir.Path, "image", "scan", "app.tar", "--db", "osv.db", "-f", "json", "-o", "r.json");

        // Then the apk packages are named as not checked, the PyPI package is not
        run.ExitCode.ShouldBe(0, run.ToString());
        var report = dir.Read("r.json");
        report.ShouldContain("1 apk packages (Wolfi) were not checked for known vulnerabilities: Shipgate has no Wolfi version ordering yet");
        report.ShouldNotContain("PyPI) were not checked");
    }

    private void WriteAdvisories()
    {
        const string Cvss = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H";
        dir.Write("osv/DSA-5532-1.json", Advisory("DSA-5532-1", "Debian:12", "openssl", "3.0.11-1~deb12u3", ["CVE-2023-5363"], Cvss));
        dir.Write("osv/DEBIAN-CVE-2099-0001.json", Advisory("DEBIAN-CVE-2099-0001", "Debian:11", "openssl", "1.1.1w-0+deb11u9", []));
        dir.Write("osv/DEBIAN-CVE-2099-0002.json", Advisory("DEBIAN-CVE-2099-0002", "Debian:12", "zlib", "1:1.2.13.dfsg-0", []));
        dir.Write("osv/ALPINE-CVE-2023-42366.json", Advisory("ALPINE-CVE-2023-42366", "Alpine:v3.19", "busybox", "1.36.1-r16", ["CVE-2023-42366"], Cvss));
        dir.Write("osv/GHSA-35jh-r3h4-6jhm.json", Advisory("GHSA-35jh-r3h4-6jhm", "npm", "lodash", "4.17.21", []));
    }

    private void ImportAdvisories()
    {
        var import = CliHarness.Run(dir.Path, "db", "import", "osv", "--db", "osv.db");
        import.ExitCode.ShouldBe(0, import.ToString());
    }

    private static string Advisory(string id, string ecosystem, string name, string fixedVersion, string[] aliases, string? cvss = null) =>
        new JsonObject
        {
            ["id"] = id,
            ["modified"] = "2026-11-01T00:00:00Z",
            ["summary"] = "test advisory for " + name,
            ["aliases"] = new JsonArray([.. aliases.Select(a => (JsonNode)a)]),
            ["severity"] = cvss is null ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "CVSS_V3", ["score"] = cvss }),
            ["affected"] = new JsonArray(new JsonObject
            {
                ["package"] = new JsonObject { ["ecosystem"] = ecosystem, ["name"] = name },
                ["ranges"] = new JsonArray(new JsonObject
                {
                    ["type"] = "ECOSYSTEM",
                    ["events"] = new JsonArray(new JsonObject { ["introduced"] = "0" }, new JsonObject { ["fixed"] = fixedVersion }),
                }),
            }),
        }.ToJsonString();

    [Fact]
    public void Scan_CorruptArchive_IsAnErrorWithExitCode2()
    {
        dir.Write("broken.tar", "this is not a tar archive, just text that is long enough to not be a header at all " + new string('x', 600));

        var run = CliHarness.Run(dir.Path, "image", "scan", "broken.tar", "-f", "json", "-o", "r.json");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("broken.tar");
        using var json = JsonDocument.Parse(dir.Read("r.json"));
        json.RootElement.GetProperty("errors")[0].GetProperty("path").GetString().ShouldBe("broken.tar");
    }

    [Fact]
    public void Scan_WithoutImage_IsAUsageError()
    {
        var run = CliHarness.Run(dir.Path, "image", "scan");
        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("name the image");
    }
}
