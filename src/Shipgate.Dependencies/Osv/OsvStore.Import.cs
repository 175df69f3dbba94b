using Microsoft.Data.Sqlite;
using Shipgate.Core;

namespace Shipgate.Dependencies.Osv;

/// <summary>What one import did.</summary>
public sealed record OsvImportReport(string Source, int Added, int Updated, int Unchanged, int Withdrawn, int WithoutPackage, IReadOnlyList<string> Errors)
{
    public int Read => Added + Updated + Unchanged + Withdrawn + WithoutPackage + Errors.Count;
}

public sealed partial class OsvStore
{
    private const int RecordsPerTransaction = 20_000;

    /// <summary>
    /// Which fields stored records carry: "2" since CWE ids and the free text (<c>texts</c>: details, references) are
    /// kept (new stores are marked with it). In a store written before (no <c>record_fields</c>), each source's first import rewrites every
    /// record of it, unchanged or not, so they gain those fields; <c>fields:SOURCE</c> then marks the source as done.
    /// </summary>
    private const string RecordFields = "2";

    /// <summary>
    /// Imports every OSV record of a source (see <see cref="OsvArchive.Read"/>). A record replaces the stored one only
    /// when its <c>modified</c> time is newer, so re-importing a fresh export is incremental; a withdrawn record is
    /// removed (see <see cref="RecordFields"/> for the one exception). A record that does not parse is reported in <see cref="OsvImportReport.Errors"/> and the others are
    /// still imported. An unsafe or damaged archive throws <see cref="InputFormatException"/> before anything changes
    /// for the damaged entry onwards (earlier batches stay committed, which is safe: each record is complete).
    /// </summary>
    public OsvImportReport Import(string sourcePath, string sourceLabel, DateTimeOffset now, OsvInputLimits? limits = null, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        using var writer = new ImportWriter(connection, sourceLabel);
        int added = 0, updated = 0, unchanged = 0, withdrawn = 0, withoutPackage = 0, inBatch = 0, seen = 0;
        var errors = new List<string>();
        var rewrite = Scalar("SELECT value FROM meta WHERE key = 'record_fields'") is null
            && Scalar("SELECT value FROM meta WHERE key = $k", ("$k", "fields:" + sourceLabel)) is null;
        writer.Begin();
        try
        {
            foreach (var document in OsvArchive.Read(sourcePath, limits))
            {
                seen++;
                OsvRecord record;
                try
                {
                    record = OsvJson.Parse(document.Content.Span);
                }
                catch (InputFormatException ex)
                {
                    var position = ex.Line is { } line ? $":{line}" + (ex.Column is { } column ? $":{column}" : "") : "";
                    errors.Add($"{document.Name}{position}: {ex.Message}");
                    continue;
                }

                _ = OsvJson.TryParseTimestamp(record.Modified, out var modifiedAt);
                var modified = SortableTimestamp(modifiedAt);
                var existing = writer.ModifiedOf(record.Id);
                if (record.Withdrawn is not null)
                {
                    if (existing is not null)
                    {
                        writer.Delete(record.Id);
                    }

                    withdrawn++;
                }
                else if (existing is not null && !rewrite && string.CompareOrdinal(existing, modified) >= 0)
                {
                    unchanged++;
                }
                else
                {
                    var keys = IndexKeys(record);
                    if (keys.Count == 0)
                    {
                        if (existing is not null)
                        {
                            writer.Delete(record.Id); // a newer version of the record no longer names a package
                        }

                        withoutPackage++;
                        continue;
                    }

                    writer.Upsert(record, modified, keys, replace: existing is not null);
                    if (existing is null)
                    {
                        added++;
                    }
                    else
                    {
                        updated++;
                    }
                }

                if (++inBatch >= RecordsPerTransaction)
                {
                    writer.Commit();
                    writer.Begin();
                    inBatch = 0;
                    progress?.Invoke(seen);
                }
            }

            writer.RecordSource(now, added + updated + unchanged);
            writer.Commit();
            progress?.Invoke(seen);
        }
        catch (SqliteException ex)
        {
            writer.Rollback();
            throw Corrupt(Path, ex);
        }
        catch
        {
            writer.Rollback();
            throw;
        }

        return new OsvImportReport(sourceLabel, added, updated, unchanged, withdrawn, withoutPackage, errors);
    }

    private static string SortableTimestamp(DateTimeOffset value) => OsvJson.SortableTimestamp(value);

    /// <summary>The index entries of a record: each package it names (ecosystem and normalised name) with its bounds.</summary>
    private static List<(string Ecosystem, string Name, byte[]? Bounds)> IndexKeys(OsvRecord record) =>
        [.. record.Affected
            .Where(a => a.Package is { Ecosystem.Length: > 0, Name.Length: > 0 })
            .GroupBy(a => (a.Package!.Ecosystem, Name: OsvNames.NormalizeName(a.Package.Ecosystem, a.Package.Name)))
            .Select(g => (g.Key.Ecosystem, g.Key.Name, OsvBounds.Encode(g)))];

    /// <summary>
    /// Schema 1 → 2, in one transaction: adds <c>affected.bounds</c> and fills it from every stored record (a record
    /// that does not decode keeps null bounds, so a scan decodes it and reports the damage as before).
    /// </summary>
    private void UpgradeFromSchema1()
    {
        using var transaction = connection.BeginTransaction();
        using (var alter = connection.CreateCommand())
        {
            alter.Transaction = transaction;
            alter.CommandText = "ALTER TABLE affected ADD COLUMN bounds BLOB;" +
                "UPDATE meta SET value = $v WHERE key = 'schema_version';";
            alter.Parameters.AddWithValue("$v", SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            alter.ExecuteNonQuery();
        }

        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT id, record FROM vulns";
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE affected SET bounds = $b WHERE ecosystem = $e AND name = $n AND vuln = $id";
        var bounds = update.Parameters.Add("$b", SqliteType.Blob);
        var ecosystem = update.Parameters.Add("$e", SqliteType.Text);
        var name = update.Parameters.Add("$n", SqliteType.Text);
        var id = update.Parameters.Add("$id", SqliteType.Text);
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                OsvRecord record;
                try
                {
                    record = OsvJson.FromCompactJson(OsvRecordCodec.Decode((byte[])reader.GetValue(1)));
                }
                catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or InputFormatException)
                {
                    continue;
                }

                id.Value = reader.GetString(0);
                foreach (var key in IndexKeys(record))
                {
                    (ecosystem.Value, name.Value, bounds.Value) = (key.Ecosystem, key.Name, (object?)key.Bounds ?? DBNull.Value);
                    update.ExecuteNonQuery();
                }
            }
        }

        transaction.Commit();
    }

    /// <summary>The prepared statements of one import, reused for every record.</summary>
    private sealed class ImportWriter : IDisposable
    {
        private readonly SqliteConnection connection;
        private readonly string source;
        private readonly SqliteCommand selectModified;
        private readonly SqliteCommand upsert;
        private readonly SqliteCommand deleteAffected;
        private readonly SqliteCommand insertAffected;
        private readonly SqliteCommand deleteVuln;
        private readonly SqliteCommand upsertText;
        private readonly SqliteCommand deleteText;
        private SqliteTransaction? transaction;

        public ImportWriter(SqliteConnection connection, string source)
        {
            this.connection = connection;
            this.source = source;
            selectModified = Prepare("SELECT modified FROM vulns WHERE id = $id", "$id");
            upsert = Prepare(
                "INSERT INTO vulns(id, modified, source, record) VALUES ($id, $modified, $source, $record) " +
                "ON CONFLICT(id) DO UPDATE SET modified = excluded.modified, source = excluded.source, record = excluded.record",
                "$id", "$modified", "$source", "$record");
            deleteAffected = Prepare("DELETE FROM affected WHERE vuln = $id", "$id");
            insertAffected = Prepare("INSERT OR IGNORE INTO affected(ecosystem, name, vuln, bounds) VALUES ($e, $n, $id, $bounds)", "$e", "$n", "$id", "$bounds");
            deleteVuln = Prepare("DELETE FROM vulns WHERE id = $id", "$id");
            upsertText = Prepare("INSERT OR REPLACE INTO texts(id, text) VALUES ($id, $record)", "$id", "$record");
            deleteText = Prepare("DELETE FROM texts WHERE id = $id", "$id");
        }

        public void Begin()
        {
            transaction = connection.BeginTransaction();
            foreach (var command in new[] { selectModified, upsert, deleteAffected, insertAffected, deleteVuln, upsertText, deleteText })
            {
                command.Transaction = transaction;
            }
        }

        public void Commit()
        {
            transaction?.Commit();
            transaction?.Dispose();
            transaction = null;
        }

        public void Rollback()
        {
            try
            {
                transaction?.Rollback();
            }
            catch (SqliteException)
            {
                // The connection is already broken; the original error is what the user needs to see.
            }

            transaction?.Dispose();
            transaction = null;
        }

        public string? ModifiedOf(string id)
        {
            selectModified.Parameters[0].Value = id;
            return selectModified.ExecuteScalar() as string;
        }

        public void Upsert(OsvRecord record, string modified, List<(string Ecosystem, string Name, byte[]? Bounds)> keys, bool replace)
        {
            upsert.Parameters[0].Value = record.Id;
            upsert.Parameters[1].Value = modified;
            upsert.Parameters[2].Value = source;
            upsert.Parameters[3].Value = OsvRecordCodec.Encode(OsvJson.ToCompactJson(record.WithoutText()));
            upsert.ExecuteNonQuery();
            if (record.Text is { } text)
            {
                upsertText.Parameters[0].Value = record.Id;
                upsertText.Parameters[1].Value = OsvRecordCodec.Encode(OsvJson.ToCompactJson(text));
                upsertText.ExecuteNonQuery();
            }
            else if (replace)
            {
                deleteText.Parameters[0].Value = record.Id;
                deleteText.ExecuteNonQuery();
            }

            if (replace)
            {
                deleteAffected.Parameters[0].Value = record.Id;
                deleteAffected.ExecuteNonQuery();
            }

            foreach (var (ecosystem, name, bounds) in keys)
            {
                insertAffected.Parameters[0].Value = ecosystem;
                insertAffected.Parameters[1].Value = name;
                insertAffected.Parameters[2].Value = record.Id;
                insertAffected.Parameters[3].Value = (object?)bounds ?? DBNull.Value;
                insertAffected.ExecuteNonQuery();
            }
        }

        public void Delete(string id)
        {
            deleteAffected.Parameters[0].Value = id;
            deleteAffected.ExecuteNonQuery();
            deleteVuln.Parameters[0].Value = id;
            deleteVuln.ExecuteNonQuery();
            deleteText.Parameters[0].Value = id;
            deleteText.ExecuteNonQuery();
        }

        public void RecordSource(DateTimeOffset now, int records)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO imports(source, imported_at, records) VALUES ($s, $t, $r) " +
                "ON CONFLICT(source) DO UPDATE SET imported_at = excluded.imported_at, records = excluded.records";
            command.Parameters.AddWithValue("$s", source);
            command.Parameters.AddWithValue("$t", OsvJson.SortableTimestamp(now));
            command.Parameters.AddWithValue("$r", records);
            command.ExecuteNonQuery();
            command.CommandText = "INSERT OR REPLACE INTO meta(key, value) VALUES ($k, $f)";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$k", "fields:" + source);
            command.Parameters.AddWithValue("$f", RecordFields);
            command.ExecuteNonQuery();
        }

        public void Dispose()
        {
            transaction?.Dispose();
            foreach (var command in new[] { selectModified, upsert, deleteAffected, insertAffected, deleteVuln, upsertText, deleteText })
            {
                command.Dispose();
            }
        }

        private SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(name, name is "$record" or "$bounds" ? SqliteType.Blob : SqliteType.Text);
            }

            return command;
        }
    }
}
