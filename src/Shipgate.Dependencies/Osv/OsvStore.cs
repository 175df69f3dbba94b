using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Shipgate.Dependencies.Osv;

/// <summary>
/// The offline OSV vulnerability database: one SQLite file holding each record once (compact JSON keyed by id, with
/// its <c>modified</c> time and source) and an index of (ecosystem, normalised package name) → record id.
/// <see cref="OpenReadOnly"/> is what scans use; <see cref="OpenForImport"/> creates the file when needed. One
/// instance owns one connection and is not thread-safe; <see cref="OsvDatabase"/> gives thread-safe lookups.
/// </summary>
public sealed partial class OsvStore : IDisposable
{
    /// <summary>Bumped whenever the tables change; an older file must be re-imported.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The import command to suggest in messages.</summary>
    public const string ImportHint = "run 'shipgate db update' (downloads the OSV exports) or 'shipgate db import PATH' (OSV all.zip files or folders of OSV JSON)";

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
            PRIMARY KEY(ecosystem, name, vuln)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS affected_by_vuln ON affected(vuln);
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
        return Validate(path, connection);
    }

    /// <summary>Opens (creating if needed) a database for import. A file that is not a Shipgate database is refused, never overwritten.</summary>
    public static OsvStore OpenForImport(string path)
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
            var store = Validate(path, connection);
            store.Execute("PRAGMA synchronous=NORMAL;");
            return store;
        }

        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size=8192; PRAGMA journal_mode=DELETE; PRAGMA synchronous=NORMAL;" + Schema +
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', $v), ('format', 'shipgate-osv');";
            command.Parameters.AddWithValue("$v", SchemaVersion.ToString(CultureInfo.InvariantCulture));
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
        return lookup.Find(Path, ecosystem, normalizedName);
    }

    /// <summary>A reusable lookup with a prepared statement, for many packages in a row.</summary>
    internal Lookup CreateLookup() => new(connection);

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
        var lastImport = Scalar("SELECT MAX(imported_at) FROM imports") is string text && OsvJson.TryParseTimestamp(text, out var at) ? at : (DateTimeOffset?)null;
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

    private static OsvStore Validate(string path, SqliteConnection connection)
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

    private object? Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
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

    /// <summary>A prepared lookup statement over the store's connection. Not thread-safe.</summary>
    internal sealed class Lookup : IDisposable
    {
        private readonly SqliteCommand command;
        private readonly SqliteParameter ecosystem;
        private readonly SqliteParameter name;

        public Lookup(SqliteConnection connection)
        {
            command = connection.CreateCommand();
            command.CommandText = "SELECT v.record FROM affected a JOIN vulns v ON v.id = a.vuln WHERE a.ecosystem = $e AND a.name = $n";
            ecosystem = command.Parameters.Add("$e", SqliteType.Text);
            name = command.Parameters.Add("$n", SqliteType.Text);
            command.Prepare();
        }

        public List<OsvRecord> Find(string path, string ecosystemName, string normalizedName)
        {
            ecosystem.Value = ecosystemName;
            name.Value = normalizedName;
            var records = new List<OsvRecord>();
            try
            {
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    records.Add(OsvJson.FromCompactJson(OsvRecordCodec.Decode((byte[])reader.GetValue(0))));
                }
            }
            catch (SqliteException ex)
            {
                throw Corrupt(path, ex);
            }
            catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or Core.InputFormatException)
            {
                throw new OsvStoreException($"the vulnerability database {path} holds an unreadable record ({ex.Message}); delete it, then {ImportHint}", ex);
            }

            return records;
        }

        public void Dispose() => command.Dispose();
    }
}

/// <summary>What <c>db status</c> shows.</summary>
public sealed record OsvStoreStatus(
    string Path,
    int Records,
    IReadOnlyDictionary<string, int> RecordsPerEcosystem,
    DateTimeOffset? LastImport,
    IReadOnlyList<OsvImportSource> Sources);

/// <summary>One imported source (a zip or folder path, or a download URL) and when it was last imported.</summary>
public sealed record OsvImportSource(string Source, DateTimeOffset ImportedAt, int Records);
