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
