using Shipgate.Dependencies.Osv;
using Shipgate.Dependencies.Rules;
using static Shipgate.Dependencies.Tests.Osv.OsvRecords;

namespace Shipgate.Dependencies.Tests.Osv;

/// <summary>
/// The store's pre-filter (<see cref="OsvBounds"/> and <see cref="OsvMatcher.MayAffect"/>) must never drop a record the
/// matcher would report: it is checked here against the matcher's own verdict on whole records, over every range
/// shape the schema has and versions around every bound, and end to end against a lookup without the pre-filter.
/// </summary>
public sealed class OsvBoundsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Versions =
    [
        "0", "0.0.0", "0.0.1", "0.9.0", "1.0.0-rc.1", "1.0.0", "v1.0.0", "1.0.1", "1.1.0", "1.2.0", "1.2.3-beta.1", "1.2.3",
        "1.4.0", "1.4.1", "1.5.0", "1.9.9", "2.0.0", "2.2.9", "2.3.0", "3.0.0", "10.0.0", "1.0.0.post1", "1!2.0", "garbage",
        "1.0.0+build", "*", "",
    ];

    private readonly string root = Directory.CreateTempSubdirectory("shipgate-bounds-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>Records of every shape, written as raw OSV JSON so malformed events and repeated packages are possible.</summary>
    private static readonly string[] ShapeRecords =
    [
        Affected("""{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2.3"}]}]}"""),
        Affected("""{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0.0"},{"last_affected":"1.4.0"}]}]}"""),
        Affected("""{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"2.0.0"},{"fixed":"1.2.0"},{"fixed":"2.3.0"},{"introduced":"1.0.0"}]}]}"""),
        Affected("""{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"limit":"2.0.0"}]}]}"""),
        Affected("""{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"limit":"*"}]}]}"""),
        Affected("""{"package":{"ecosystem":"npm","name":"lib"},"versions":["1.0.1","2.2.9","garbage"]}"""),
        Affected("""{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"type":"GIT","repo":"https://example.invalid/r.git","events":[{"introduced":"0"},{"fixed":"abc123"}]}],"versions":["1.5.0"]}"""),
        Affected("""{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"type":"GIT","repo":"https://example.invalid/r.git","events":[{"introduced":"0"}]},{"type":"SEMVER","events":[{"introduced":"1.1.0"},{"fixed":"1.4.1"}]}]}"""),
        Affected("""{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0.0"}]},{"type":"ECOSYSTEM","events":[{"introduced":"2.0.0"},{"fixed":"3.0.0"}]}]}"""),
        Affected(
            """{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0.0"}]}]}""",
            """{"package":{"ecosystem":"npm","name":"other"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}""",
            """{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.5.0"},{"last_affected":"2.2.9"}]}],"versions":["10.0.0"]}"""),
        Affected("""{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0.0","fixed":"1.4.0"},{"fixed":"2.0.0","limit":"3.0.0"},{},{"last_affected":"garbage"}]}]}"""),
        Affected("""{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"garbage"},{"fixed":"*"}]},{"type":"UNKNOWN","events":[{"introduced":"0"}]}]}"""),
        Affected("""{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"events":[{"introduced":"0"}]},{"type":"ECOSYSTEM","events":[]}]}"""),
        Affected("""{"package":{"ecosystem":"PyPI","name":"Typing_Extensions"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0.0"},{"fixed":"1.0.0.post1"},{"introduced":"1!2.0"}]}],"versions":["1.0"]}"""),
        Affected("""{"package":{"ecosystem":"Bitnami","name":"lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}],"versions":["1.0.0","v1.0.0"]}"""),
        Affected("""{"package":{"ecosystem":"Bitnami","name":"lib"},"ranges":[{"type":"SEMVER","events":[{"introduced":"1.0.0"},{"fixed":"2.0.0"}]}]}"""),
        Affected("""{"package":{"ecosystem":"Debian:12","name":"lib"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2.3-1"}]}]}"""),
        Affected("""{"package":{"ecosystem":"npm","name":"lib"}}"""),
    ];

    public static TheoryData<string> Shapes() => [.. ShapeRecords];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_pre_filter_agrees_with_the_matcher_for_every_version(string json)
    {
        var record = Parse(json);
        foreach (var group in record.Affected.Where(a => a.Package is not null).GroupBy(a => (a.Package!.Ecosystem, Name: OsvNames.NormalizeName(a.Package.Ecosystem, a.Package.Name))))
        {
            var bounds = OsvBounds.Decode(OsvBounds.Encode(group).ShouldNotBeNull()).ShouldNotBeNull();
            foreach (var version in Versions)
            {
                var affects = OsvMatcher.Default.Affects(record, group.Key.Ecosystem, group.Key.Name, version);
                OsvMatcher.Default.MayAffect(bounds, group.Key.Ecosystem, version).ShouldBe(affects, $"{group.Key} {version}");
            }
        }
    }

    [Fact]
    public void Bounds_keep_every_event_field_and_version()
    {
        var record = Parse(Affected("""{"package":{"ecosystem":"npm","name":"lib"},"ranges":[{"type":"SEMVER","events":[{"introduced":"1.0.0","limit":"2.0.0"},{"last_affected":"é"}]}],"versions":["1.0.0",""]}"""));

        var entry = OsvBounds.Decode(OsvBounds.Encode(record.Affected).ShouldNotBeNull()).ShouldNotBeNull().ShouldHaveSingleItem();

        entry.Versions.ShouldBe(["1.0.0", ""]);
        var range = entry.Ranges.ShouldHaveSingleItem();
        range.Type.ShouldBe("SEMVER");
        range.Events.ShouldBe([new OsvEvent { Introduced = "1.0.0", Limit = "2.0.0" }, new OsvEvent { LastAffected = "é" }]);
    }

    [Fact]
    public void Damaged_or_unknown_bounds_are_not_read()
    {
        var bounds = OsvBounds.Encode(Ecosystem("GHSA-1", "npm", "lib", ("introduced", "0"), ("fixed", "1.0.0")).Affected).ShouldNotBeNull();

        OsvBounds.Decode([]).ShouldBeNull();
        OsvBounds.Decode([9, .. bounds[1..]]).ShouldBeNull(); // a future format
        OsvBounds.Decode(bounds[..^1]).ShouldBeNull(); // truncated
        OsvBounds.Decode([.. bounds, 0]).ShouldBeNull(); // trailing bytes
        OsvBounds.Decode([1, 0xFF, 0xFF, 0xFF, 0xFF, 0x07]).ShouldBeNull(); // a count larger than the data
    }

    [Fact]
    public void Entries_too_large_to_keep_have_no_bounds()
    {
        var record = Parse(RecordJson("GHSA-big", "npm", "lib", versions: Enumerable.Range(0, 3000).Select(i => $"1.0.{i}")));
        OsvBounds.Encode(record.Affected).ShouldBeNull();
    }

    [Fact]
    public async Task A_lookup_with_the_pre_filter_matches_exactly_what_a_lookup_without_it_matches()
    {
        var files = ShapeRecords.Select((json, i) => ($"r{i}.json", json.Replace("\"GHSA-shape\"", $"\"GHSA-shape-{i:D2}\"", StringComparison.Ordinal)))
            .Append(("big.json", RecordJson("GHSA-big", "npm", "lib", versions: Enumerable.Range(0, 3000).Select(i => $"1.0.{i}"))))
            .Append(("damaged.json", RecordJson("GHSA-damaged", "npm", "lib", [("ECOSYSTEM", [("introduced", "1.2.0"), ("fixed", "1.3.0")])])))
            .ToArray();
        var db = Import(files);
        DamageBounds(db, "GHSA-damaged");
        var packages = Versions.Where(v => v.Length > 0)
            .SelectMany(v => new[] { Npm("lib", v), PyPI("typing-extensions", v), Npm("other", v) })
            .Append(Npm("lib", "1.0.2999"))
            .ToList();

        using var database = OsvDatabase.Open(db);
        using var store = OsvStore.OpenReadOnly(db);
        var filtered = await VulnerabilityRule.MatchAsync(database, packages, CancellationToken.None);
        var unfiltered = await VulnerabilityRule.MatchAsync(new Unfiltered(store), packages, CancellationToken.None);

        Describe(filtered).ShouldBe(Describe(unfiltered));
        filtered.ShouldContain(m => m.Id == "GHSA-big" && m.Package.Version == "1.0.2999"); // no bounds: decoded
        filtered.ShouldContain(m => m.Id == "GHSA-damaged" && m.Package.Version == "1.2.3"); // unreadable bounds: decoded
        var candidates = await database.FindAsync(packages, CancellationToken.None);
        var all = await new Unfiltered(store).FindAsync(packages, CancellationToken.None);
        candidates.Sum(c => c.Count).ShouldBeLessThan(all.Sum(c => c.Count)); // the pre-filter did leave records out
    }

    [Fact]
    public async Task A_schema_1_database_is_refused_by_scans_and_upgraded_in_place_by_an_import()
    {
        var db = Import([
            ("a.json", RecordJson("GHSA-a", "npm", "a", [("ECOSYSTEM", [("introduced", "0"), ("fixed", "2.0.0")])])),
            ("b.json", RecordJson("GHSA-b", "npm", "a", versions: ["3.0.0"])),
        ]);
        Sql(db, "ALTER TABLE affected DROP COLUMN bounds"); // the schema-1 table
        Sql(db, "UPDATE meta SET value = '1' WHERE key = 'schema_version'");

        var error = Should.Throw<OsvStoreException>(() => OsvStore.OpenReadOnly(db));
        error.Message.ShouldContain("older Shipgate version (schema 1, expected 2)");
        error.Message.ShouldContain("'shipgate db import PATH', which upgrade it in place");

        var notices = new List<string>();
        OsvStore.OpenForImport(db, notices.Add).Dispose();
        notices.ShouldHaveSingleItem().ShouldContain("from schema 1 to 2 in place");
        Scalar(db, "SELECT COUNT(*) FROM affected WHERE bounds IS NOT NULL").ShouldBe(2L);
        OsvStore.OpenForImport(db, notices.Add).Dispose();
        notices.Count.ShouldBe(1); // upgraded once
        Scalar(db, "SELECT value FROM meta WHERE key = 'schema_version'").ShouldBe("2");
        using var database = OsvDatabase.Open(db);
        var candidates = await database.FindAsync([Npm("a", "1.0.0"), Npm("a", "3.0.0")], CancellationToken.None);
        candidates[0].ShouldHaveSingleItem().Id.ShouldBe("GHSA-a");
        candidates[1].ShouldHaveSingleItem().Id.ShouldBe("GHSA-b");
    }

    [Fact]
    public void A_database_of_another_schema_must_be_deleted()
    {
        var db = Import([("a.json", RecordJson("GHSA-a", "npm", "a", versions: ["1.0.0"]))]);
        Sql(db, "UPDATE meta SET value = '3' WHERE key = 'schema_version'");

        Should.Throw<OsvStoreException>(() => OsvStore.OpenReadOnly(db)).Message.ShouldContain("another Shipgate version (schema 3, expected 2); delete it");
        Should.Throw<OsvStoreException>(() => OsvStore.OpenForImport(db)).Message.ShouldContain("delete it");
    }

    private static string Affected(params string[] entries) =>
        $$"""{"id":"GHSA-shape","modified":"2024-01-01T00:00:00Z","aliases":[],"affected":[{{string.Join(",", entries)}}]}""";

    private static IEnumerable<string> Describe(IEnumerable<VulnerabilityMatch> matches) =>
        matches.Select(m => $"{m.Package.Ecosystem} {m.Package.Name} {m.Package.Version}: {m.Id} [{string.Join(",", m.Aliases)}] fixed {m.FixedVersion} {m.Caveat}").Order(StringComparer.Ordinal);

    private string Import((string File, string Json)[] records)
    {
        var folder = Path.Combine(root, "records");
        Directory.CreateDirectory(folder);
        foreach (var (file, json) in records)
        {
            File.WriteAllText(Path.Combine(folder, file), json);
        }

        var db = Path.Combine(root, "osv.db");
        using var store = OsvStore.OpenForImport(db);
        store.Import(folder, folder, Now).Errors.ShouldBeEmpty();
        return db;
    }

    private static void DamageBounds(string db, string id) => Sql(db, $"UPDATE affected SET bounds = x'01ffff' WHERE vuln = '{id}'");

    private static void Sql(string db, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string db, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Every record the index names for a package, decoded: the lookup as it was before the pre-filter.</summary>
    private sealed class Unfiltered(OsvStore store) : IAdvisorySource
    {
        public ValueTask<IReadOnlyList<IReadOnlyList<OsvRecord>>> FindAsync(IReadOnlyList<Package> packages, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<IReadOnlyList<OsvRecord>>>([.. packages.Select(p => store.Find(OsvNames.KeyOf(p).Ecosystem, OsvNames.KeyOf(p).Name))]);
    }
}
