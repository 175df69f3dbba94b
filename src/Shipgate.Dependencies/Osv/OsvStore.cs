using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Shipgate.Dependencies.Osv;

/// <summary>
/// The offline OSV vulnerability database: one SQLite file holding each record once (compact JSON keyed by id, with
/// its <c>modified</c> time and source), its free text apart (<c>texts</c>: details and references, read only for
/// SBOMs, so scans never decode them) and an index of (ecosystem, normalised package name) → record id, each entry
/// with the bounds (<see cref="OsvBounds"/>) that let a scan skip records that cannot affect the version it has.
/// <see cref="OpenReadOnly"/> is what scans use; <see cref="OpenForImport(string)"/> creates the file when needed. One
/// instance owns one connection and is not thread-safe; <see cref="OsvDatabase"/> gives thread-safe lookups.
/// </summary>
public sealed partial class OsvStore : IDisposable
{
    /// <summary>
    /// Bumped whenever the tables change. 2: <c>affected.bounds</c>, the pre-parsed versions and ranges of each
    /// (package, record) pair (<see cref="OsvBounds"/>); an import upgrades a schema-1 file in place, scans refuse it
    /// until then. Any other version must be deleted and re-imported.
    /// </summary>
    public const int SchemaVersion = 2;

    /// <summary>The import command to suggest in messages.</summary>
    public const string ImportHint = "run 'shipgate db update' (downloads the OSV exports) or 'shipgate db import PATH' (OSV all.zip files or folders of OSV JSON)";

    /// <summary>The schema an import upgrades in place (<see cref="UpgradeFromSchema1"/>).</summary>
    private const string UpgradableSchema = "1";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS vulns(
            id TEXT PRIMARY KEY,
            modified TEXT NOT NULL,
            source TEXT NOT NULL,
            record BLOB NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS affected(
            ecosystem TEXT NOT NULL,
            name TEXT NOT NULL,
            vuln TEXT NOT NULL,
            bounds BLOB,
            PRIMARY KEY(ecosystem, name, vuln)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS affected_by_vuln ON affected(vuln);
        CREATE TABLE IF NOT EXISTS texts(
            id TEXT PRIMARY KEY,
            text BLOB NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS imports(
            source TEXT PRIMARY KEY,
            imported_at TEXT NOT NULL,
            records INTEGER NOT NULL) WITHOUT ROWID;
        """;

    private readonly SqliteConnection connection;

    private OsvStore(string path, SqliteConnection connection)
    {
        Path = path;
        this.connection = connection;
    }

    public string Path { get; }

    /// <summary>
    /// The default location: <c>$XDG_CACHE_HOME/shipgate/osv.db</c>, else <c>~/.cache/shipgate/osv.db</c> (on
    /// Windows <c>%LOCALAPPDATA%\shipgate\osv.db</c>).
    /// </summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && System.IO.Path.IsPathRooted(xdg))
        {
            return System.IO.Path.Combine(xdg, "shipgate", "osv.db");
        }

        if (OperatingSystem.IsWindows() && environment("LOCALAPPDATA") is { Length: > 0 } local)
        {
            return System.IO.Path.Combine(local, "shipgate", "osv.db");
        }

        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return System.IO.Path.Combine(home, ".cache", "shipgate", "osv.db");
    }

    /// <summary>Opens an existing database for reading. Missing, corrupt or incompatible files throw <see cref="OsvStoreException"/>.</summary>
    public static OsvStore OpenReadOnly(string path)
    {
        if (!File.Exists(path))
        {
            throw new OsvStoreException($"no vulnerability database at {path}; {ImportHint}");
        }

        var connection = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadOnly));
        return Validate(path, connection, upgrade: false, null);
    }

    /// <summary>Opens (creating if needed) a database for import. A file that is not a Shipgate database is refused, never overwritten.</summary>
    public static OsvStore OpenForImport(string path) => OpenForImport(path, null);

    /// <summary>
    /// Like <see cref="OpenForImport(string)"/>; <paramref name="onUpgrade"/> is told (with a one-line message) before an
    /// older database is upgraded in place, which takes a while on a full database.
    /// </summary>
    public static OsvStore OpenForImport(string path, Action<string>? onUpgrade)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var isNew = !File.Exists(path) || new FileInfo(path).Length == 0;
        var connection = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadWriteCreate));
        if (!isNew)
        {
            var store = Validate(path, connection, upgrade: true, onUpgrade);
            store.Execute("PRAGMA synchronous=NORMAL; CREATE TABLE IF NOT EXISTS texts(id TEXT PRIMARY KEY, text BLOB NOT NULL) WITHOUT ROWID;");
            return store;
        }

        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size=8192; PRAGMA journal_mode=DELETE; PRAGMA synchronous=NORMAL;" + Schema +
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', $v), ('format', 'shipgate-osv'), ('record_fields', $f);";
            command.Parameters.AddWithValue("$v", SchemaVersion.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$f", RecordFields);
            command.ExecuteNonQuery();
            return new OsvStore(path, connection);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new OsvStoreException($"cannot create the vulnerability database at {path}: {ex.Message}", ex);
        }
    }

    /// <summary>Records whose package is in the index, for one (ecosystem, normalised name) key.</summary>
    public IReadOnlyList<OsvRecord> Find(string ecosystem, string normalizedName)
    {
        using var lookup = CreateLookup();
        var ids = (lookup.VulnerabilityIds(ecosystem, [normalizedName]).GetValueOrDefault(normalizedName) ?? []).Select(e => e.Vuln).ToList();
        var records = lookup.Records(ids);
        return [.. ids.Select(id => records[id])];
    }

    /// <summary>A reusable lookup with prepared statements, for many packages in a row.</summary>
    internal Lookup CreateLookup() => new(connection, Path);

    /// <summary>
    /// When the newest import happened (null for an empty store): all a scan needs for its staleness warning, read
    /// without touching the large tables (<see cref="Status"/> counts every record and is for <c>db status</c>).
    /// </summary>
    public DateTimeOffset? LastImport() =>
        Scalar("SELECT MAX(imported_at) FROM imports") is string text && OsvJson.TryParseTimestamp(text, out var at) ? at : null;

    /// <summary>Counts per base ecosystem, total records and the time of the newest import.</summary>
    public OsvStoreStatus Status()
    {
        var perEcosystem = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT ecosystem, COUNT(DISTINCT vuln) FROM affected GROUP BY ecosystem";
            using var reader = Run(command);
            while (reader.Read())
            {
                var key = OsvNames.BaseEcosystem(reader.GetString(0));
                perEcosystem[key] = perEcosystem.GetValueOrDefault(key) + reader.GetInt32(1);
            }
        }

        var total = Convert.ToInt32(Scalar("SELECT COUNT(*) FROM vulns"), CultureInfo.InvariantCulture);
        var lastImport = LastImport();
        var sources = new List<OsvImportSource>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT source, imported_at, records FROM imports ORDER BY source";
            using var reader = Run(command);
            while (reader.Read())
            {
                _ = OsvJson.TryParseTimestamp(reader.GetString(1), out var importedAt);
                sources.Add(new OsvImportSource(reader.GetString(0), importedAt, reader.GetInt32(2)));
            }
        }

        return new OsvStoreStatus(Path, total, perEcosystem, lastImport, sources);
    }

    /// <summary>SQLite's own integrity check (reads every page; for <c>db status --check</c>, not for scans).</summary>
    public string IntegrityCheck() => Scalar("PRAGMA quick_check") as string ?? "no answer";

    public void Dispose() => connection.Dispose();

    private static string ConnectionString(string path, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Cache = SqliteCacheMode.Private,
        Pooling = false,
    }.ToString();

    private static OsvStore Validate(string path, SqliteConnection connection, bool upgrade, Action<string>? onUpgrade)
    {
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
            var version = command.ExecuteScalar() as string;
            if (version is null)
            {
                throw new OsvStoreException($"{path} is not a Shipgate vulnerability database (no schema version); delete it or choose another --db, then {ImportHint}");
            }

            if (version == UpgradableSchema && upgrade)
            {
                onUpgrade?.Invoke($"upgrading {path} from schema {version} to {SchemaVersion} in place (once; about a minute for a full database)");
                var upgraded = new OsvStore(path, connection);
                upgraded.UpgradeFromSchema1();
                return upgraded;
            }

            if (version == UpgradableSchema)
            {
                throw new OsvStoreException($"{path} was written by an older Shipgate version (schema {version}, expected {SchemaVersion}); run 'shipgate db update' or 'shipgate db import PATH', which upgrade it in place");
            }

            if (version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw new OsvStoreException($"{path} was written by another Shipgate version (schema {version}, expected {SchemaVersion}); delete it, then {ImportHint}");
            }

            return new OsvStore(path, connection);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Corrupt(path, ex);
        }
        catch (OsvStoreException)
        {
            connection.Dispose();
            throw;
        }
    }

    internal static OsvStoreException Corrupt(string path, SqliteException ex) =>
        new($"the vulnerability database {path} is unreadable or corrupt ({ex.Message.TrimEnd('.')}); delete it, then {ImportHint}", ex);

    private SqliteDataReader Run(SqliteCommand command)
    {
        try
        {
            return command.ExecuteReader();
        }
        catch (SqliteException ex)
        {
            throw Corrupt(Path, ex);
        }
    }

    private object? Scalar(string sql, params (string Name, string Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        try
        {
            return command.ExecuteScalar();
        }
        catch (SqliteException ex)
        {
            throw Corrupt(Path, ex);
        }
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Prepared statements over the store's connection that look up many packages at once: one query per ecosystem for
    /// the vulnerability ids of a batch of names, then one query for the records of a batch of ids (the names and ids
    /// travel as one JSON array parameter, so there is no limit on host parameters). Not thread-safe.
    /// </summary>
    internal sealed class Lookup : IDisposable
    {
        private delegate void EncodedRow(string id, ReadOnlySpan<byte> json);

        private readonly string path;
        private readonly SqliteCommand byNames;
        private readonly SqliteParameter ecosystem;
        private readonly SqliteParameter names;
        private readonly SqliteCommand byIds;
        private readonly SqliteParameter ids;

        public Lookup(SqliteConnection connection, string path)
        {
            this.path = path;
            byNames = connection.CreateCommand();
            byNames.CommandText = "SELECT a.name, a.vuln, a.bounds FROM json_each($n) j CROSS JOIN affected a ON a.ecosystem = $e AND a.name = j.value";
            ecosystem = byNames.Parameters.Add("$e", SqliteType.Text);
            names = byNames.Parameters.Add("$n", SqliteType.Text);
            byIds = connection.CreateCommand();
            byIds.CommandText = "SELECT id, record FROM vulns WHERE id IN (SELECT value FROM json_each($i))";
            ids = byIds.Parameters.Add("$i", SqliteType.Text);
        }

        /// <summary>
        /// The ids of the records that name each of <paramref name="normalizedNames"/> (in id order), with their bounds;
        /// names without any are absent. CROSS JOIN keeps SQLite from scanning the index and probing the name list instead.
        /// </summary>
        public Dictionary<string, List<IndexEntry>> VulnerabilityIds(string ecosystemName, IEnumerable<string> normalizedNames)
        {
            ecosystem.Value = ecosystemName;
            names.Value = JsonArray(normalizedNames);
            var found = new Dictionary<string, List<IndexEntry>>(StringComparer.Ordinal);
            try
            {
                using var reader = byNames.ExecuteReader();
                while (reader.Read())
                {
                    var name = reader.GetString(0);
                    if (!found.TryGetValue(name, out var list))
                    {
                        found[name] = list = [];
                    }

                    list.Add(new IndexEntry(reader.GetString(1), reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2)));
                }
            }
            catch (SqliteException ex)
            {
                throw Corrupt(path, ex);
            }

            foreach (var list in found.Values)
            {
                list.Sort((a, b) => string.CompareOrdinal(a.Vuln, b.Vuln));
            }

            return found;
        }

        /// <summary>The records with the given ids, decoded; an id the index names but the table lacks means a damaged store.</summary>
        public Dictionary<string, OsvRecord> Records(IEnumerable<string> recordIds)
        {
            var wanted = recordIds.ToHashSet(StringComparer.Ordinal);
            var records = new Dictionary<string, OsvRecord>(wanted.Count, StringComparer.Ordinal);
            if (wanted.Count == 0)
            {
                return records;
            }

            ids.Value = JsonArray(wanted);
            ReadEncoded(byIds, "record", (id, json) => records[id] = OsvJson.FromCompactJson(json));

            if (records.Count != wanted.Count)
            {
                var missing = wanted.First(id => !records.ContainsKey(id));
                throw new OsvStoreException($"the vulnerability database {path} is inconsistent (its index names {missing}, which it does not hold); delete it, then {ImportHint}");
            }

            return records;
        }

        /// <summary>
        /// The free text of the records with the given ids that have any (a store written before texts were kept has
        /// no <c>texts</c> table: then none).
        /// </summary>
        public Dictionary<string, OsvText> Texts(IEnumerable<string> recordIds)
        {
            var texts = new Dictionary<string, OsvText>(StringComparer.Ordinal);
            using var command = byIds.Connection!.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'texts'";
            try
            {
                if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
                {
                    return texts;
                }
            }
            catch (SqliteException ex)
            {
                throw Corrupt(path, ex);
            }

            command.CommandText = "SELECT id, text FROM texts WHERE id IN (SELECT value FROM json_each($i))";
            command.Parameters.AddWithValue("$i", JsonArray(recordIds.Distinct(StringComparer.Ordinal)));
            ReadEncoded(command, "record text", (id, json) => texts[id] = OsvJson.TextFromCompactJson(json));
            return texts;
        }

        /// <summary>Runs a query of (id, encoded JSON) rows; SQLite and decoding errors name the damaged store.</summary>
        private void ReadEncoded(SqliteCommand command, string what, EncodedRow read)
        {
            try
            {
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    read(reader.GetString(0), OsvRecordCodec.Decode((byte[])reader.GetValue(1)));
                }
            }
            catch (SqliteException ex)
            {
                throw Corrupt(path, ex);
            }
            catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or Core.InputFormatException)
            {
                throw new OsvStoreException($"the vulnerability database {path} holds an unreadable {what} ({ex.Message}); delete it, then {ImportHint}", ex);
            }
        }

        public void Dispose()
        {
            byNames.Dispose();
            byIds.Dispose();
        }

        private static string JsonArray(IEnumerable<string> values)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                foreach (var value in values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }
}

/// <summary>One index entry of a package: a record id and its <see cref="OsvBounds"/> for that package (null: decode the record to decide).</summary>
internal readonly record struct IndexEntry(string Vuln, byte[]? Bounds);

/// <summary>What <c>db status</c> shows.</summary>
public sealed record OsvStoreStatus(
    string Path,
    int Records,
    IReadOnlyDictionary<string, int> RecordsPerEcosystem,
    DateTimeOffset? LastImport,
    IReadOnlyList<OsvImportSource> Sources);

/// <summary>One imported source (a zip or folder path, or a download URL) and when it was last imported.</summary>
public sealed record OsvImportSource(string Source, DateTimeOffset ImportedAt, int Records);
