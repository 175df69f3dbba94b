using System.IO.Compression;
using System.Text;
using Shipgate.Core;
using Shipgate.Dependencies.Osv;
using static Shipgate.Dependencies.Tests.Osv.OsvRecords;

namespace Shipgate.Dependencies.Tests.Osv;

public sealed class OsvStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string root = Directory.CreateTempSubdirectory("shipgate-osv-").FullName;

    private string DbPath => Path.Combine(root, "cache", "osv.db");

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Folder(string name, params (string File, string Json)[] records)
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        foreach (var (file, json) in records)
        {
            var path = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, json);
        }

        return folder;
    }

    private string Zip(string name, params (string Entry, string Content)[] entries)
    {
        var path = Path.Combine(root, name);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var stream = archive.CreateEntry(entry).Open();
            stream.Write(Encoding.UTF8.GetBytes(content));
        }

        return path;
    }

    private OsvImportReport Import(string source)
    {
        using var store = OsvStore.OpenForImport(DbPath);
        return store.Import(source, source, Now);
    }

    [Fact]
    public void Imports_a_folder_and_finds_records_by_ecosystem_and_normalised_name()
    {
        var folder = Folder("advisories",
            ("npm/GHSA-1.json", RecordJson("GHSA-1", "npm", "lodash", [("ECOSYSTEM", [("introduced", "0"), ("fixed", "4.17.21")])], aliases: ["CVE-2021-23337"])),
            ("pypi/PYSEC-1.json", RecordJson("PYSEC-1", "PyPI", "Typing_Extensions", versions: ["4.0.0"])),
            ("nested/deeper/GHSA-2.json", RecordJson("GHSA-2", "npm", "lodash", versions: ["1.0.0"])));

        var report = Import(folder);

        report.Added.ShouldBe(3);
        report.Errors.ShouldBeEmpty();
        using var store = OsvStore.OpenReadOnly(DbPath);
        store.Find("npm", "lodash").Select(r => r.Id).Order().ShouldBe(["GHSA-1", "GHSA-2"]);
        store.Find("PyPI", "typing-extensions").ShouldHaveSingleItem().Id.ShouldBe("PYSEC-1");
        store.Find("npm", "Lodash").ShouldBeEmpty(); // npm names are exact
        var stored = store.Find("npm", "lodash").Single(r => r.Id == "GHSA-1");
        stored.Aliases.ShouldBe(["CVE-2021-23337"]);
        stored.Summary.ShouldBe("Test advisory GHSA-1");

        var status = store.Status();
        status.Records.ShouldBe(3);
        status.RecordsPerEcosystem["npm"].ShouldBe(2);
        status.RecordsPerEcosystem["PyPI"].ShouldBe(1);
        status.LastImport.ShouldBe(Now);
        status.Sources.ShouldHaveSingleItem().Source.ShouldBe(folder);
    }

    [Fact]
    public void Reimport_is_incremental_by_modified_and_removes_withdrawn_records()
    {
        Import(Folder("v1",
            ("a.json", RecordJson("GHSA-a", "npm", "a", versions: ["1.0.0"], modified: "2024-01-01T00:00:00Z")),
            ("b.json", RecordJson("GHSA-b", "npm", "b", versions: ["1.0.0"], modified: "2024-01-01T00:00:00Z")),
            ("c.json", RecordJson("GHSA-c", "npm", "c", versions: ["1.0.0"], modified: "2024-01-01T00:00:00Z"))));

        var report = Import(Folder("v2",
            ("a.json", RecordJson("GHSA-a", "npm", "a", versions: ["1.0.0"], modified: "2024-01-01T00:00:00Z")),
            ("b.json", RecordJson("GHSA-b", "npm", "b-renamed", versions: ["2.0.0"], modified: "2024-02-01T00:00:00+01:00")),
            ("c.json", RecordJson("GHSA-c", "npm", "c", versions: ["1.0.0"], modified: "2024-03-01T00:00:00Z", withdrawn: "2024-03-01T00:00:00Z")),
            ("old.json", RecordJson("GHSA-a", "npm", "a", versions: ["9.9.9"], modified: "2023-01-01T00:00:00Z"))));

        report.Unchanged.ShouldBe(2); // GHSA-a twice: same and older modified
        report.Updated.ShouldBe(1);
        report.Withdrawn.ShouldBe(1);
        using var store = OsvStore.OpenReadOnly(DbPath);
        store.Find("npm", "a").ShouldHaveSingleItem().Affected[0].Versions.ShouldBe(["1.0.0"]);
        store.Find("npm", "b").ShouldBeEmpty(); // the updated record no longer names the old package
        store.Find("npm", "b-renamed").ShouldHaveSingleItem();
        store.Find("npm", "c").ShouldBeEmpty();
        store.Status().Records.ShouldBe(2);
    }

    [Fact]
    public void Withdrawn_records_are_never_stored()
    {
        var report = Import(Folder("w", ("w.json", RecordJson("GHSA-w", "npm", "w", versions: ["1.0.0"], withdrawn: "2024-01-02T00:00:00Z"))));
        report.Withdrawn.ShouldBe(1);
        using var store = OsvStore.OpenReadOnly(DbPath);
        store.Find("npm", "w").ShouldBeEmpty();
    }

    [Fact]
    public void A_bad_record_is_reported_and_the_others_are_imported()
    {
        var report = Import(Folder("mixed",
            ("good.json", RecordJson("GHSA-good", "npm", "good", versions: ["1.0.0"])),
            ("bad.json", "{\"id\": \"X\", \"modified\": "),
            ("noid.json", "{\"modified\": \"2024-01-01T00:00:00Z\"}")));

        report.Added.ShouldBe(1);
        report.Errors.Count.ShouldBe(2);
        report.Errors.ShouldContain(e => e.StartsWith("bad.json:1:", StringComparison.Ordinal));
        report.Errors.ShouldContain(e => e.StartsWith("noid.json: ", StringComparison.Ordinal) && e.Contains("'id'", StringComparison.Ordinal));
    }

    [Fact]
    public void Imports_an_osv_export_zip()
    {
        var zip = Zip("all.zip",
            ("GHSA-z1.json", RecordJson("GHSA-z1", "crates.io", "Serde_Json", versions: ["1.0.0"])),
            ("README.txt", "not a record"),
            ("dir/GHSA-z2.json", RecordJson("GHSA-z2", "crates.io", "tokio", versions: ["1.0.0"])));

        var report = Import(zip);

        report.Added.ShouldBe(2);
        using var store = OsvStore.OpenReadOnly(DbPath);
        store.Find("crates.io", "serde_json").ShouldHaveSingleItem().Id.ShouldBe("GHSA-z1");
    }

    [Theory]
    [InlineData("../escape.json")]
    [InlineData("a/../../escape.json")]
    [InlineData("/etc/passwd.json")]
    [InlineData("..\\escape.json")]
    [InlineData("C:/evil.json")]
    public void A_zip_with_an_escaping_entry_is_refused_as_a_whole(string entry)
    {
        var zip = Zip("evil.zip",
            ("GHSA-ok.json", RecordJson("GHSA-ok", "npm", "ok", versions: ["1.0.0"])),
            (entry, RecordJson("GHSA-evil", "npm", "evil", versions: ["1.0.0"])));

        var error = Should.Throw<InputFormatException>(() => Import(zip));

        error.Message.ShouldContain("refusing the archive");
        error.Message.ShouldContain(entry);
        using var store = OsvStore.OpenReadOnly(DbPath);
        store.Status().Records.ShouldBe(0);
    }

    [Fact]
    public void Oversized_entries_are_refused()
    {
        var zip = Zip("big.zip", ("GHSA-big.json", RecordJson("GHSA-big", "npm", "big", versions: Enumerable.Range(0, 200).Select(i => $"1.0.{i}"))));
        using var store = OsvStore.OpenForImport(DbPath);
        var error = Should.Throw<InputFormatException>(() => store.Import(zip, zip, Now, new OsvInputLimits { MaxEntryBytes = 1024 }));
        error.Message.ShouldContain("1024-byte limit");
    }

    [Fact]
    public void Too_many_entries_are_refused()
    {
        var zip = Zip("many.zip", Enumerable.Range(0, 5).Select(i => ($"GHSA-{i}.json", RecordJson($"GHSA-{i}", "npm", "x", versions: ["1.0.0"]))).ToArray());
        using var store = OsvStore.OpenForImport(DbPath);
        Should.Throw<InputFormatException>(() => store.Import(zip, zip, Now, new OsvInputLimits { MaxEntries = 4 }))
            .Message.ShouldContain("more than 4 entries");
    }

    [Fact]
    public void A_truncated_zip_is_refused_with_a_clear_message()
    {
        var zip = Zip("all.zip", ("GHSA-1.json", RecordJson("GHSA-1", "npm", "x", versions: ["1.0.0"])));
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);
        Should.Throw<InputFormatException>(() => Import(zip)).Message.ShouldContain("not a valid zip archive");
    }

    [Fact]
    public void A_missing_database_says_how_to_import()
    {
        var error = Should.Throw<OsvStoreException>(() => OsvStore.OpenReadOnly(DbPath));
        error.Message.ShouldContain("no vulnerability database");
        error.Message.ShouldContain("shipgate db update");
    }

    [Fact]
    public void A_corrupt_database_is_reported_not_crashed_on()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        File.WriteAllBytes(DbPath, Encoding.ASCII.GetBytes(new string('x', 8192)));

        Should.Throw<OsvStoreException>(() => OsvStore.OpenReadOnly(DbPath)).Message.ShouldContain("corrupt");
        Should.Throw<OsvStoreException>(() => OsvStore.OpenForImport(DbPath)).Message.ShouldContain("corrupt");
        File.ReadAllBytes(DbPath).Length.ShouldBe(8192); // never overwritten
    }

    [Fact]
    public void A_database_with_damaged_pages_is_reported_on_lookup()
    {
        Import(Folder("many", Enumerable.Range(0, 400).Select(i => ($"r{i}.json", RecordJson($"GHSA-{i:D4}", "npm", "pkg", versions: [$"1.0.{i}"], summary: new string('s', 300)))).ToArray()));
        var bytes = File.ReadAllBytes(DbPath);
        // Wipe everything after the first two pages (header and schema survive, table pages do not).
        Array.Fill(bytes, (byte)0xA5, 16384, bytes.Length - 16384);
        File.WriteAllBytes(DbPath, bytes);

        var error = Should.Throw<OsvStoreException>(() =>
        {
            using var store = OsvStore.OpenReadOnly(DbPath);
            store.Find("npm", "pkg");
        });
        error.Message.ShouldContain(DbPath);
    }

    [Fact]
    public void Another_sqlite_file_is_not_taken_for_a_vulnerability_database()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes(text TEXT)";
            command.ExecuteNonQuery();
        }

        Should.Throw<OsvStoreException>(() => OsvStore.OpenReadOnly(DbPath)).Message.ShouldContain(DbPath);
    }

    [Fact]
    public void Default_path_follows_XDG_then_home()
    {
        OsvStore.DefaultPath(name => name == "XDG_CACHE_HOME" ? "/x/cache" : null).ShouldBe(Path.Combine("/x/cache", "shipgate", "osv.db"));
        OsvStore.DefaultPath(name => name == "HOME" ? "/home/u" : null).ShouldBe(Path.Combine("/home/u", ".cache", "shipgate", "osv.db"));
        OsvStore.DefaultPath(name => name switch { "XDG_CACHE_HOME" => "relative", "HOME" => "/home/u", _ => null })
            .ShouldBe(Path.Combine("/home/u", ".cache", "shipgate", "osv.db"));
    }

    [Fact]
    public async Task The_database_answers_many_lookups_in_parallel()
    {
        Import(Folder("p", ("a.json", RecordJson("GHSA-p", "npm", "p", versions: ["1.0.0"]))));
        using var database = OsvDatabase.Open(DbPath);
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            await database.FindAsync([Npm("p", "1.0.0"), Npm("q", "1.0.0")], CancellationToken.None))));
        results.ShouldAllBe(r => r[0].Count == 1 && r[1].Count == 0);
    }

    [Fact]
    public void Details_and_references_are_kept_apart_and_cwe_ids_with_the_record()
    {
        // Given a GitHub-style record with details, references and database_specific.cwe_ids
        const string Json = """
            {"id": "GHSA-d-1", "modified": "2024-01-01T00:00:00Z", "details": "Line one.\nLine two.",
             "references": [{"type": "ADVISORY", "url": "https://example.invalid/a"}, {"type": "WEB"}, {"url": "https://example.invalid/no-type"}],
             "database_specific": {"cwe_ids": ["CWE-79", 7, "CWE-1333"], "severity": "LOW"},
             "affected": [{"package": {"ecosystem": "npm", "name": "lib"}, "versions": ["1.0.0"]}]}
            """;

        // When it is imported and read back
        Import(Folder("details", ("d.json", Json), ("plain.json", RecordJson("GHSA-p-1", "npm", "lib", versions: ["1.0.0"]))));
        using var database = OsvDatabase.Open(DbPath);
        using var store = OsvStore.OpenReadOnly(DbPath);
        var record = store.Find("npm", "lib").Single(r => r.Id == "GHSA-d-1");

        // Then what matching reads carries the CWE ids but not the free text, which is read apart by id
        record.Details.ShouldBeNull();
        record.References.ShouldBeNull();
        record.DatabaseSpecific!.CweIds.ShouldBe(["CWE-79", "CWE-1333"]);
        record.DatabaseSpecific.Severity.ShouldBe("LOW");
        var texts = database.FindTexts(["GHSA-d-1", "GHSA-p-1", "GHSA-none"]);
        texts["GHSA-d-1"].Details.ShouldBe("Line one.\nLine two.");
        texts["GHSA-d-1"].References.ShouldBe([new OsvReference("ADVISORY", "https://example.invalid/a")]); // without a type or URL: dropped
        texts["GHSA-p-1"].Details.ShouldBe("Long details that the store keeps apart.");
        texts.ContainsKey("GHSA-none").ShouldBeFalse();

        // And a withdrawn update removes the text with the record
        Import(Folder("withdrawn", ("d.json", RecordJson("GHSA-d-1", "npm", "lib", versions: ["1.0.0"], modified: "2024-02-01T00:00:00Z", withdrawn: "2024-02-01T00:00:00Z"))));
        using var again = OsvDatabase.Open(DbPath);
        again.FindTexts(["GHSA-d-1"]).ShouldBeEmpty();
    }

    [Fact]
    public void A_store_written_before_details_were_kept_rewrites_each_source_once()
    {
        // Given a store as an older Shipgate wrote it: no record_fields marker
        var folder = Folder("legacy", ("a.json", RecordJson("GHSA-a", "npm", "a", versions: ["1.0.0"])), ("b.json", RecordJson("GHSA-b", "npm", "b", versions: ["1.0.0"])));
        Import(folder);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM meta WHERE key = 'record_fields' OR key LIKE 'fields:%'";
            command.ExecuteNonQuery();
        }

        // When the same, unchanged source is imported twice
        var first = Import(folder);
        var second = Import(folder);

        // Then the first import rewrites its records (so they gain the new fields) and the second is incremental again
        first.Updated.ShouldBe(2);
        first.Unchanged.ShouldBe(0);
        second.Updated.ShouldBe(0);
        second.Unchanged.ShouldBe(2);
    }
}

public sealed class OsvArchiveTests
{
    [Fact]
    public void VerifyContents_detects_a_damaged_entry_body()
    {
        // Given a zip whose stored (uncompressed) entry has one byte flipped after it was written
        var path = Path.Combine(Path.GetTempPath(), $"shipgate-crc-{Guid.NewGuid():n}.zip");
        try
        {
            var body = new string('a', 4000);
            using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                using var stream = archive.CreateEntry("GHSA-1.json", CompressionLevel.NoCompression).Open();
                stream.Write(Encoding.UTF8.GetBytes(body));
            }

            var bytes = File.ReadAllBytes(path);
            var at = Encoding.ASCII.GetString(bytes).IndexOf(new string('a', 100), StringComparison.Ordinal);
            bytes[at + 50] = (byte)'b';
            File.WriteAllBytes(path, bytes);

            // Then the CRC check while reading it back refuses it
            Should.Throw<InputFormatException>(() => OsvArchive.VerifyContents(path)).Message.ShouldContain("damaged archive entry");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("ok/GHSA-1.json", true)]
    [InlineData("GHSA-1.json", true)]
    [InlineData("a..b.json", true)]
    [InlineData("../GHSA-1.json", false)]
    [InlineData("a/../../b.json", false)]
    [InlineData("/abs.json", false)]
    [InlineData("\\abs.json", false)]
    [InlineData("C:x.json", false)]
    [InlineData("", false)]
    public void Entry_names_must_stay_inside_the_archive(string name, bool safe) => OsvArchive.IsSafeEntryName(name).ShouldBe(safe);
}
