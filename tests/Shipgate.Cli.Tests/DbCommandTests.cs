using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

/// <summary>End to end: <c>db import|update|status</c> and <c>scan</c> with the vulnerability database, over real files and loopback HTTP.</summary>
public sealed class DbCommandTests
{
    private const string Lockfile = """
        {
          "name": "app",
          "lockfileVersion": 3,
          "packages": {
            "": { "dependencies": { "lodash": "^4.17.0", "minimist": "^1.2.0" } },
            "node_modules/lodash": { "version": "4.17.20" },
            "node_modules/minimist": { "version": "1.2.5" }
          }
        }
        """;

    /// <summary>A generated OSV record of one npm package (shared with the SBOM tests).</summary>
    internal static string Advisory(string id, string name, string introduced, string? fixedIn, string[] aliases, string? vector = null, string modified = "2024-06-01T00:00:00Z") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["modified"] = modified,
            ["published"] = "2024-01-01T00:00:00Z",
            ["aliases"] = aliases,
            ["summary"] = $"Problem in {name}",
            ["details"] = $"Details of {id}.",
            ["severity"] = vector is null ? Array.Empty<object>() : new[] { new { type = "CVSS_V3", score = vector } },
            ["references"] = new[] { new { type = "ADVISORY", url = $"https://example.invalid/{id}" } },
            ["affected"] = new[]
            {
                new
                {
                    package = new { ecosystem = "npm", name },
                    ranges = new[] { new { type = "ECOSYSTEM", events = fixedIn is null ? new[] { new Dictionary<string, string> { ["introduced"] = introduced } } : [new() { ["introduced"] = introduced }, new() { ["fixed"] = fixedIn }] } },
                },
            },
        });

    private static void WriteAdvisories(TempDir dir)
    {
        // lodash: a GHSA and its CVE as two records (merged into one finding), CVSS 3.1 7.2 -> high.
        dir.Write("osv/GHSA-35jh-r3h4-6jhm.json", Advisory("GHSA-35jh-r3h4-6jhm", "lodash", "0", "4.17.21", ["CVE-2021-23337"], "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"));
        dir.Write("osv/CVE-2021-23337.json", Advisory("CVE-2021-23337", "lodash", "0", "4.17.21", ["GHSA-35jh-r3h4-6jhm"]));
        // minimist: unscored -> medium by policy.
        dir.Write("osv/GHSA-xvch-5gv4-984h.json", Advisory("GHSA-xvch-5gv4-984h", "minimist", "1.0.0", "1.2.6", []));
    }

    [Fact]
    public void Import_then_scan_reports_one_finding_per_vulnerability_with_aliases_and_fixed_version()
    {
        // Given an imported folder of OSV records and a project whose lockfile pins affected versions
        using var data = new TempDir();
        WriteAdvisories(data);
        using var project = new TempDir();
        project.Write("package-lock.json", Lockfile);
        var db = Path.Combine(data.Path, "osv.db");

        var import = CliHarness.Run(data.Path, "db", "import", "osv", "--db", db);
        import.ExitCode.ShouldBe(0, import.ToString());
        import.Out.ShouldContain("osv: 3 added, 0 updated, 0 unchanged");

        // When the project is scanned
        var scan = CliHarness.Run(project.Path, "scan", ".", "--only", "deps", "--db", db, "--format", "json", "--output", "report.json");

        // Then lodash has one finding (GHSA named, CVE as alias, fix 4.17.21) and the gate at high fails
        scan.ExitCode.ShouldBe(1, scan.ToString());
        scan.Error.ShouldNotContain("warning");
        using var report = JsonDocument.Parse(project.Read("report.json"));
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToList();
        findings.Count.ShouldBe(2);
        var lodash = findings.Single(f => f.GetProperty("message").GetString()!.StartsWith("lodash", StringComparison.Ordinal));
        lodash.GetProperty("ruleId").GetString().ShouldBe("DEP001");
        lodash.GetProperty("severity").GetString().ShouldBe("high");
        var message = lodash.GetProperty("message").GetString()!;
        message.ShouldContain("GHSA-35jh-r3h4-6jhm (aliases: CVE-2021-23337)");
        message.ShouldContain("Severity high (CVSS 3.1 7.2)");
        message.ShouldContain("Upgrade to 4.17.21 or later.");
        var minimist = findings.Single(f => f.GetProperty("message").GetString()!.StartsWith("minimist", StringComparison.Ordinal));
        minimist.GetProperty("severity").GetString().ShouldBe("medium");
        minimist.GetProperty("message").GetString()!.ShouldContain("unscored-severity policy");

        // And --fail-on critical passes, while npm's --audit-level moderate fails
        CliHarness.Run(project.Path, "scan", ".", "--only", "deps", "--db", db, "--fail-on", "critical").ExitCode.ShouldBe(0);
        CliHarness.Run(project.Path, "scan", ".", "--only", "deps", "--db", db, "--audit-level", "moderate").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Scan_without_a_database_warns_once_and_does_not_fail()
    {
        using var project = new TempDir();
        project.Write("package-lock.json", Lockfile);
        project.Write("sub/package-lock.json", Lockfile);

        var scan = CliHarness.Run(project.Path, "scan", ".", "--only", "deps", "--db", "missing.db");

        scan.ExitCode.ShouldBe(0, scan.ToString());
        var warnings = scan.Error.Split('\n').Where(l => l.Contains("warning", StringComparison.Ordinal)).ToList();
        warnings.ShouldHaveSingleItem().ShouldContain("no vulnerability database at");
        warnings[0].ShouldContain("shipgate db update");
    }

    [Fact]
    public void The_database_path_comes_from_the_configuration_and_db_wins_over_it()
    {
        // Given a project whose .shipgate.yml keeps the database in its own cache folder
        using var data = new TempDir();
        WriteAdvisories(data);
        using var project = new TempDir();
        project.Write("package-lock.json", Lockfile);
        project.Write(".shipgate.yml", "dependencies:\n  database: cache/osv.db\n");

        // When db import runs in the project folder, it writes there
        var import = CliHarness.Run(project.Path, "db", "import", Path.Combine(data.Path, "osv"));
        import.ExitCode.ShouldBe(0, import.ToString());
        File.Exists(Path.Combine(project.Path, "cache", "osv.db")).ShouldBeTrue();
        CliHarness.Run(project.Path, "db", "status").Out.ShouldContain(Path.Combine(project.Path, "cache", "osv.db"));

        // Then scan finds the advisories through the configuration, and --db still wins over it
        var scan = CliHarness.Run(project.Path, "scan", ".", "--only", "deps", "--format", "json", "--output", "report.json");
        scan.ExitCode.ShouldBe(1, scan.ToString());
        using (var report = JsonDocument.Parse(project.Read("report.json")))
        {
            report.RootElement.GetProperty("findings").GetArrayLength().ShouldBe(2);
        }

        var overridden = CliHarness.Run(project.Path, "scan", ".", "--only", "deps", "--db", "missing.db");
        overridden.ExitCode.ShouldBe(0, overridden.ToString());
        overridden.Error.ShouldContain("no vulnerability database at");
    }

    [Fact]
    public void An_unknown_key_under_dependencies_is_a_configuration_error()
    {
        using var project = new TempDir();
        project.Write("package-lock.json", Lockfile);
        project.Write(".shipgate.yml", "dependencies:\n  databse: osv.db\n");

        var scan = CliHarness.Run(project.Path, "scan", ".", "--only", "deps");

        scan.ExitCode.ShouldBe(2, scan.ToString());
        scan.Error.ShouldContain("unknown key 'dependencies.databse' (expected one of: database)");
    }

    [Fact]
    public void Scan_without_lockfiles_does_not_mention_the_database()
    {
        using var project = new TempDir();
        project.Write("README.md", "hello\n");
        CliHarness.Run(project.Path, "scan", ".", "--db", "missing.db").Error.ShouldNotContain("vulnerability database");
    }

    [Fact]
    public void A_corrupt_database_is_exit_2_with_a_clear_message()
    {
        using var project = new TempDir();
        project.Write("package-lock.json", Lockfile);
        project.Write("osv.db", new string('\u0001', 5000));

        var scan = CliHarness.Run(project.Path, "scan", ".", "--only", "deps", "--db", "osv.db");

        scan.ExitCode.ShouldBe(2, scan.ToString());
        scan.Error.ShouldContain("corrupt");
        scan.Error.ShouldContain("shipgate db update");
        scan.Error.ShouldNotContain("   at ");
        CliHarness.Run(project.Path, "db", "status", "--db", "osv.db").ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task A_stale_database_is_warned_about()
    {
        using var data = new TempDir();
        WriteAdvisories(data);
        data.Write("package-lock.json", Lockfile);
        var imported = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        (await RunAt(data.Path, imported, "db", "import", "osv", "--db", "osv.db")).ExitCode.ShouldBe(0);

        var fresh = await RunAt(data.Path, imported.AddDays(2), "scan", "package-lock.json", "--db", "osv.db");
        fresh.Error.ShouldNotContain("days ago");
        var stale = await RunAt(data.Path, imported.AddDays(10), "scan", "package-lock.json", "--db", "osv.db");
        stale.Error.ShouldContain("was last updated 10 days ago (2025-01-01)");
        var status = await RunAt(data.Path, imported.AddDays(10), "db", "status", "--db", "osv.db");
        status.Out.ShouldContain("stale");
        status.Out.ShouldContain("npm");
        status.Out.ShouldContain("3 records from 1 sources.");
    }

    [Fact]
    public void Import_refuses_a_zip_with_an_escaping_entry()
    {
        using var data = new TempDir();
        using (var archive = ZipFile.Open(Path.Combine(data.Path, "all.zip"), ZipArchiveMode.Create))
        {
            using var stream = archive.CreateEntry("../../etc/GHSA-x.json").Open();
            stream.Write(Encoding.UTF8.GetBytes(Advisory("GHSA-x", "x", "0", null, [])));
        }

        var run = CliHarness.Run(data.Path, "db", "import", "all.zip", "--db", "osv.db");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("'../../etc/GHSA-x.json' has an absolute or '..' path; refusing the archive");
    }

    [Fact]
    public void Import_of_a_missing_path_is_a_usage_error()
    {
        using var data = new TempDir();
        var run = CliHarness.Run(data.Path, "db", "import", "nope", "--db", "osv.db");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("nope: no such file or folder");
    }

    private static byte[] ExportZip(params (string Name, string Json)[] records)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, json) in records)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(json));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Serves /npm/all.zip like the OSV bucket: ETag, Range/If-Range, x-goog-hash md5.</summary>
    private static async Task ServeExport(HttpListenerContext context, byte[] zip, string? announcedMd5 = null)
    {
        if (context.Request.Url!.AbsolutePath != "/npm/all.zip")
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.Headers["ETag"] = "\"v1\"";
#pragma warning disable CA5351 // The storage API announces MD5 digests; the stub must speak the same protocol.
        context.Response.Headers["x-goog-hash"] = "crc32c=AAAAAA==,md5=" + (announcedMd5 ?? Convert.ToBase64String(MD5.HashData(zip)));
#pragma warning restore CA5351
        var range = context.Request.Headers["Range"];
        var start = 0;
        if (range is not null && context.Request.Headers["If-Range"] == "\"v1\"")
        {
            start = int.Parse(range["bytes=".Length..range.IndexOf('-', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            context.Response.StatusCode = 206;
            context.Response.Headers["Content-Range"] = $"bytes {start}-{zip.Length - 1}/{zip.Length}";
        }

        context.Response.ContentLength64 = zip.Length - start;
        await context.Response.OutputStream.WriteAsync(zip.AsMemory(start));
    }

    [Fact]
    public void Update_downloads_verifies_and_imports_from_the_bucket()
    {
        var zip = ExportZip(("GHSA-35jh-r3h4-6jhm.json", Advisory("GHSA-35jh-r3h4-6jhm", "lodash", "0", "4.17.21", ["CVE-2021-23337"])));
        using var server = new LoopbackServer((context, _) => ServeExport(context, zip));
        using var data = new TempDir();

        var run = CliHarness.Run(data.Path, "db", "update", "--ecosystem", "npm", "--base-url", server.BaseUrl, "--db", "osv.db");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("npm: 1 added");
        server.Requests.ShouldHaveSingleItem().Range.ShouldBeNull();
        var status = CliHarness.Run(data.Path, "db", "status", "--db", "osv.db");
        status.Out.ShouldContain(server.BaseUrl + "/npm/all.zip: 1 records");
        Directory.GetFiles(Path.Combine(data.Path, "downloads")).ShouldBeEmpty(); // the export is removed after import
    }

    [Fact]
    public void Update_resumes_a_partial_download_with_a_range_request()
    {
        var zip = ExportZip(Enumerable.Range(0, 50).Select(i => ($"GHSA-{i:D4}.json", Advisory($"GHSA-{i:D4}", "pkg" + i, "0", "1.0.0", []))).ToArray());
        using var server = new LoopbackServer((context, _) => ServeExport(context, zip));
        using var data = new TempDir();
        // An earlier run broke off after the first 1,000 bytes.
        data.Write("downloads/npm-all.zip.part.etag", "\"v1\"");
        File.WriteAllBytes(Path.Combine(data.Path, "downloads", "npm-all.zip.part"), zip[..1000]);

        var run = CliHarness.Run(data.Path, "db", "update", "-e", "npm", "--base-url", server.BaseUrl, "--db", "osv.db");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("npm: 50 added");
        server.Requests.ShouldHaveSingleItem().Range.ShouldBe("bytes=1000-");
    }

    [Fact]
    public void Update_rejects_a_download_that_fails_verification()
    {
        var zip = ExportZip(("GHSA-1.json", Advisory("GHSA-1", "lodash", "0", "4.17.21", [])));
        using var server = new LoopbackServer((context, _) => ServeExport(context, zip, announcedMd5: Convert.ToBase64String(new byte[16])));
        using var data = new TempDir();

        var run = CliHarness.Run(data.Path, "db", "update", "-e", "npm", "--base-url", server.BaseUrl, "--db", "osv.db");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("failed verification");
        File.Exists(Path.Combine(data.Path, "downloads", "npm-all.zip.part")).ShouldBeFalse();
    }

    [Fact]
    public void Update_reports_a_missing_export_and_goes_on()
    {
        var zip = ExportZip(("GHSA-1.json", Advisory("GHSA-1", "lodash", "0", "4.17.21", [])));
        using var server = new LoopbackServer((context, _) => ServeExport(context, zip));
        using var data = new TempDir();

        var run = CliHarness.Run(data.Path, "db", "update", "-e", "NoSuchEcosystem", "-e", "npm", "--base-url", server.BaseUrl, "--db", "osv.db");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("NoSuchEcosystem: cannot download");
        run.Error.ShouldContain("404");
        run.Out.ShouldContain("npm: 1 added");
    }

    [Fact]
    public void Online_scan_queries_the_osv_api_batch_endpoint()
    {
        var records = new Dictionary<string, string>
        {
            ["GHSA-35jh-r3h4-6jhm"] = Advisory("GHSA-35jh-r3h4-6jhm", "lodash", "0", "4.17.21", ["CVE-2021-23337"], "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
        };
        using var server = new LoopbackServer(async (context, body) =>
        {
            var path = context.Request.Url!.AbsolutePath;
            string answer;
            if (path == "/v1/querybatch" && context.Request.HttpMethod == "POST")
            {
                using var request = JsonDocument.Parse(body);
                var results = request.RootElement.GetProperty("queries").EnumerateArray()
                    .Select(q => q.GetProperty("package").GetProperty("name").GetString() == "lodash"
                        ? (object)new { vulns = new[] { new { id = "GHSA-35jh-r3h4-6jhm", modified = "2024-06-01T00:00:00Z" } } }
                        : new { });
                answer = JsonSerializer.Serialize(new { results });
            }
            else if (path.StartsWith("/v1/vulns/", StringComparison.Ordinal) && records.TryGetValue(path["/v1/vulns/".Length..], out var record))
            {
                answer = record;
            }
            else
            {
                context.Response.StatusCode = 404;
                return;
            }

            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
        });
        using var project = new TempDir();
        project.Write("package-lock.json", Lockfile);

        var scan = CliHarness.Run(project.Path, "scan", ".", "--only", "deps", "--online", "--osv-api-url", server.BaseUrl, "--format", "json", "--output", "report.json");

        scan.ExitCode.ShouldBe(1, scan.ToString());
        using var report = JsonDocument.Parse(project.Read("report.json"));
        var finding = report.RootElement.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        finding.GetProperty("severity").GetString().ShouldBe("critical");
        finding.GetProperty("message").GetString()!.ShouldContain("GHSA-35jh-r3h4-6jhm (aliases: CVE-2021-23337)");
        server.Requests.Count(r => r.Path == "/v1/querybatch").ShouldBe(1);
        server.Requests.Single(r => r.Path == "/v1/querybatch").Body.ShouldContain("\"version\":\"1.2.5\"");
    }

    private static async Task<CliRun> RunAt(string workingDirectory, DateTimeOffset now, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment
        {
            Out = output,
            Error = error,
            OpenStandardInput = () => new MemoryStream(),
            WorkingDirectory = workingDirectory,
            GetEnvironmentVariable = name => name == "CI" ? "true" : null,
            Time = new FixedTime(now),
        };
        var exit = await CliApp.RunAsync(args, Program.CreateServices(env));
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
