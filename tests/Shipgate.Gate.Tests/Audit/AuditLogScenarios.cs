using System.Data.Common;
using System.Text;
using System.Text.Json;
using Shipgate.Gate.Audit;

namespace Shipgate.Gate.Tests.Audit;

/// <summary>Audit log behaviours checked on every database provider (see the SQLite and PostgreSQL test classes).</summary>
public static class AuditLogScenarios
{
    public static async Task Appends_are_numbered_proven_and_verified(DatabaseProvider provider)
    {
        await using var db = await AuditDatabase.CreateAsync(provider);
        await db.AppendManyAsync(25);

        (await db.Reader.GetTreeSizeAsync()).ShouldBe(25);
        var entries = await db.Reader.GetEntriesAsync(10, 5);
        entries.Select(e => e.Sequence).ShouldBe([10L, 11, 12, 13, 14]);
        foreach (var entry in entries)
        {
            entry.LeafHash.ShouldBe(AuditEntry.LeafHash(entry.Canonical));
            AuditEntry.Parse(entry.Canonical).Event.DeploymentId.ShouldBe("dep-" + entry.Sequence);
        }

        var latest = await db.Reader.GetLatestCheckpointAsync();
        latest.Checkpoint.TreeSize.ShouldBe(25);
        db.Signer.Verify(latest).ShouldBeTrue();

        for (long i = 0; i < 25; i++)
        {
            var proof = await db.Reader.GetInclusionProofAsync(i, 25);
            proof.RootHash.ShouldBe(latest.Checkpoint.RootHash);
            MerkleTree.VerifyInclusion(i, 25, proof.LeafHash, proof.Path, latest.Checkpoint.RootHash).ShouldBeTrue($"inclusion of {i}");
        }

        // Every append signed a checkpoint, and each earlier tree is a proven prefix of the latest.
        var all = await CheckpointsAsync(db);
        all.Select(c => c.Checkpoint.TreeSize).ShouldBe(Enumerable.Range(1, 25).Select(i => (long)i));
        foreach (var earlier in all)
        {
            db.Signer.Verify(earlier).ShouldBeTrue();
            var consistency = await db.Reader.GetConsistencyProofAsync(earlier.Checkpoint.TreeSize, 25);
            MerkleTree.VerifyConsistency(earlier.Checkpoint.TreeSize, 25, earlier.Checkpoint.RootHash, latest.Checkpoint.RootHash, consistency.Proof)
                .ShouldBeTrue($"consistency {earlier.Checkpoint.TreeSize} → 25");
        }

        var result = await db.VerifyExportAsync(0, all[9]);
        result.Verified.ShouldBeTrue(result.Message);
        result.Entries.ShouldBe(25);
        result.Final!.Checkpoint.TreeSize.ShouldBe(25);
    }

    public static async Task Database_refuses_update_and_delete(DatabaseProvider provider)
    {
        await using var db = await AuditDatabase.CreateAsync(provider);
        await db.AppendManyAsync(3);
        string[] refused =
        [
            "UPDATE audit_entries SET entry = '{}' WHERE seq = 1",
            "DELETE FROM audit_entries WHERE seq = 2",
            "DELETE FROM audit_entries",
            "UPDATE audit_checkpoints SET key_id = 'x'",
            "DELETE FROM audit_checkpoints",
            "UPDATE audit_nodes SET idx = 7",
            "DELETE FROM audit_nodes",
            "UPDATE audit_heads SET mac = @hash",
            "DELETE FROM audit_heads",
            "INSERT INTO audit_entries (seq, recorded_at, entry, leaf_hash) VALUES (9, 'x', '{}', @hash)",
            .. provider == DatabaseProvider.Postgres ? new[] { "TRUNCATE audit_entries", "TRUNCATE audit_checkpoints" } : [],
        ];
        foreach (var sql in refused)
        {
            var ex = await Should.ThrowAsync<DbException>(() => db.ExecuteAsync(sql, ("@hash", new byte[32])), sql);
            ex.Message.ShouldMatch("append-only|contiguous", customMessage: sql);
        }

        (await db.VerifyExportAsync()).Verified.ShouldBeTrue();
        (await db.Reader.GetTreeSizeAsync()).ShouldBe(3);

        // The migration is idempotent and keeps the data.
        await db.ExecuteAsync(AuditSchema.Migration(provider));
        await db.ExecuteAsync(AuditSchema.Migration(provider));
        (await db.Reader.GetTreeSizeAsync()).ShouldBe(3);
        await Should.ThrowAsync<DbException>(() => db.ExecuteAsync("DELETE FROM audit_entries"));
    }

    /// <summary>An attacker with database access drops the guards and edits rows; the export verifier names the first bad entry.</summary>
    /// <remarks>
    /// <paramref name="every"/> &gt; 1 is the gate's own shape: a signed checkpoint every few entries and one for the
    /// tail, so an entry edited together with its leaf hash is placed between two checkpoints rather than named.
    /// </remarks>
    public static async Task Tampering_is_detected_and_named(DatabaseProvider provider, Tamper tamper, long firstBad, string message, int every = 1)
    {
        await using var db = await AuditDatabase.CreateAsync(provider, every == 1 ? null : new AuditCheckpointPolicy(every));
        await db.AppendManyAsync(25);
        var trusted = await db.Reader.GetLatestCheckpointAsync();
        (await db.VerifyExportAsync(0, trusted)).Verified.ShouldBeTrue();

        await db.ExecuteAsync(db.DisableGuardsSql);
        await ApplyAsync(db, tamper);

        var result = await db.VerifyExportAsync(0, tamper == Tamper.TruncateTail ? [trusted] : []);
        result.Verified.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(firstBad, result.Message);
        result.Message.ShouldContain(message, Case.Insensitive);
    }

    public enum Tamper
    {
        EditContent,
        EditContentAndLeafHash,
        DeleteRow,
        SwapRows,
        AppendForgedTail,
        TruncateTail,
        AppendForgedTailWithHead,
        EditTailContentAndLeafHash,
    }

    private static async Task ApplyAsync(AuditDatabase db, Tamper tamper)
    {
        switch (tamper)
        {
            case Tamper.EditContent:
                await db.ExecuteAsync("UPDATE audit_entries SET entry = REPLACE(entry, '\"actor\":\"alice\"', '\"actor\":\"mallory\"') WHERE seq = 12");
                break;
            case Tamper.EditContentAndLeafHash:
                {
                    var canonical = (string)(await db.ScalarAsync("SELECT entry FROM audit_entries WHERE seq = 7"))!;
                    var forged = canonical.Replace("\"outcome\":\"success\"", "\"outcome\":\"denied\"", StringComparison.Ordinal);
                    forged.ShouldNotBe(canonical);
                    await db.ExecuteAsync("UPDATE audit_entries SET entry = @entry, leaf_hash = @leaf WHERE seq = 7", ("@entry", forged), ("@leaf", AuditEntry.LeafHash(forged)));
                    break;
                }

            case Tamper.DeleteRow:
                await db.ExecuteAsync("DELETE FROM audit_entries WHERE seq = 5");
                break;
            case Tamper.SwapRows:
                {
                    var three = (string)(await db.ScalarAsync("SELECT entry FROM audit_entries WHERE seq = 3"))!;
                    var four = (string)(await db.ScalarAsync("SELECT entry FROM audit_entries WHERE seq = 4"))!;
                    await db.ExecuteAsync("UPDATE audit_entries SET entry = @entry, leaf_hash = @leaf WHERE seq = 3", ("@entry", four), ("@leaf", AuditEntry.LeafHash(four)));
                    await db.ExecuteAsync("UPDATE audit_entries SET entry = @entry, leaf_hash = @leaf WHERE seq = 4", ("@entry", three), ("@leaf", AuditEntry.LeafHash(three)));
                    break;
                }

            case Tamper.AppendForgedTail:
                {
                    // Written straight into the table: no node, no checkpoint (the attacker has no signing key).
                    var forged = new AuditEntry(25, db.Time.GetUtcNow(), AuditDatabase.Sample(25, "mallory")).ToCanonicalJson();
                    await db.ExecuteAsync("INSERT INTO audit_entries (seq, recorded_at, entry, leaf_hash) VALUES (25, 'x', @entry, @leaf)", ("@entry", forged), ("@leaf", AuditEntry.LeafHash(forged)));
                    break;
                }

            case Tamper.AppendForgedTailWithHead:
                {
                    // As above, plus a tree head: the attacker cannot compute its MAC, so it is never signed.
                    var forged = new AuditEntry(25, db.Time.GetUtcNow(), AuditDatabase.Sample(25, "mallory")).ToCanonicalJson();
                    await db.ExecuteAsync("INSERT INTO audit_entries (seq, recorded_at, entry, leaf_hash) VALUES (25, 'x', @entry, @leaf)", ("@entry", forged), ("@leaf", AuditEntry.LeafHash(forged)));
                    await db.ExecuteAsync("INSERT INTO audit_heads (tree_size, root_hash, mac) VALUES (26, @root, @mac)", ("@root", new byte[32]), ("@mac", new byte[32]));
                    break;
                }

            case Tamper.EditTailContentAndLeafHash:
                {
                    var canonical = (string)(await db.ScalarAsync("SELECT entry FROM audit_entries WHERE seq = 24"))!;
                    var forged = canonical.Replace("\"outcome\":\"success\"", "\"outcome\":\"denied\"", StringComparison.Ordinal);
                    await db.ExecuteAsync("UPDATE audit_entries SET entry = @entry, leaf_hash = @leaf WHERE seq = 24", ("@entry", forged), ("@leaf", AuditEntry.LeafHash(forged)));
                    break;
                }

            case Tamper.TruncateTail:
                await db.ExecuteAsync("DELETE FROM audit_entries WHERE seq >= 22");
                await db.ExecuteAsync("DELETE FROM audit_checkpoints WHERE tree_size > 22");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tamper));
        }
    }

    /// <summary>
    /// The gate's shape: a MAC'd tree head per entry, a signed checkpoint every N entries, and the tail signed on demand
    /// (export, checkpoint request, timer) as far as a genuine head reaches; the export verifies with every signature.
    /// </summary>
    public static async Task Sparse_checkpoints_sign_every_n_entries_and_the_tail_on_demand(DatabaseProvider provider)
    {
        await using var db = await AuditDatabase.CreateAsync(provider, new AuditCheckpointPolicy(8));
        await db.AppendManyAsync(20);
        (await CheckpointsAsync(db)).Select(c => c.Checkpoint.TreeSize).ShouldBe([8L, 16]);
        (await db.ScalarAsync("SELECT COUNT(*) FROM audit_heads")).ShouldBe(20L);

        var tail = await db.Reader.GetLatestCheckpointAsync();
        tail.Checkpoint.TreeSize.ShouldBe(20);
        db.Signer.Verify(tail).ShouldBeTrue();
        (await db.Reader.GetLatestCheckpointAsync()).Signature.ShouldBe(tail.Signature, "signed once, then read back");

        await db.AppendManyAsync(5);
        var result = await db.VerifyExportAsync(0, tail);
        result.Verified.ShouldBeTrue(result.Message);
        result.Entries.ShouldBe(25);
        result.Checkpoints.ShouldBe(5, "8, 16, 20, 24 and the export's 25");
        (await CheckpointsAsync(db)).Select(c => c.Checkpoint.TreeSize).ShouldBe([8L, 16, 20, 24, 25]);

        var partial = await db.VerifyExportAsync(since: 10);
        partial.Verified.ShouldBeTrue(partial.Message);
        partial.Entries.ShouldBe(15);
    }

    public static async Task Concurrent_appends_from_two_connections_keep_one_log(DatabaseProvider provider)
    {
        await using var db = await AuditDatabase.CreateAsync(provider);
        const int perWriter = 40;
        async Task<List<long>> Writer(string actor)
        {
            await using var connection = await db.OpenAsync();
            var acknowledged = new List<long>();
            for (var i = 0; i < perWriter; i++)
            {
                acknowledged.Add(await db.AppendAsync(AuditDatabase.Sample(i, actor), connection));
            }

            return acknowledged;
        }

        var results = await Task.WhenAll(Task.Run(() => Writer("alice")), Task.Run(() => Writer("bob")));
        var all = results.SelectMany(r => r).Order().ToList();
        all.ShouldBe(Enumerable.Range(0, 2 * perWriter).Select(i => (long)i));
        foreach (var (actor, acknowledged) in new[] { ("alice", results[0]), ("bob", results[1]) })
        {
            foreach (var seq in acknowledged)
            {
                var entry = (await db.Reader.GetEntriesAsync(seq, 1)).Single();
                AuditEntry.Parse(entry.Canonical).Event.Actor.ShouldBe(actor);
            }
        }

        var result = await db.VerifyExportAsync();
        result.Verified.ShouldBeTrue(result.Message);
        result.Checkpoints.ShouldBe(2 * perWriter);
    }

    public static async Task Failed_or_rolled_back_appends_leave_no_trace(DatabaseProvider provider)
    {
        await using var db = await AuditDatabase.CreateAsync(provider);
        await db.AppendManyAsync(2);

        await using (var connection = await db.OpenAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await db.Log.AppendAsync(AuditDatabase.Sample(2), transaction);
            await transaction.RollbackAsync();
        }

        var huge = AuditDatabase.Sample(3) with { CommitMessage = new string('x', AuditEntry.MaxCanonicalBytes) };
        await Should.ThrowAsync<AuditLogException>(() => db.AppendAsync(huge));

        (await db.Reader.GetTreeSizeAsync()).ShouldBe(2);
        (await db.AppendAsync(AuditDatabase.Sample(4))).ShouldBe(2);
        (await db.VerifyExportAsync()).Verified.ShouldBeTrue();
    }

    public static async Task Partial_exports_verify_from_their_prefix(DatabaseProvider provider)
    {
        await using var db = await AuditDatabase.CreateAsync(provider);
        await db.AppendManyAsync(13);
        var early = (await CheckpointsAsync(db))[9];
        var export = Encoding.UTF8.GetString(await db.ExportAsync(since: 6));
        var lines = export.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("{\"prefix\":{\"treeSize\":6,");
        lines[1].ShouldStartWith("{\"seq\":6,");
        lines[^1].ShouldStartWith("{\"checkpoint\":{\"treeSize\":13,");

        var result = await db.VerifyExportAsync(6, early);
        result.Verified.ShouldBeTrue(result.Message);
        result.FirstSequence.ShouldBe(6);
        result.Entries.ShouldBe(7);

        var tooEarly = (await CheckpointsAsync(db))[2];
        await Should.ThrowAsync<AuditExportFormatException>(() => db.VerifyExportAsync(6, tooEarly));
    }

    public static async Task CloudEvents_export_carries_the_required_attributes(DatabaseProvider provider)
    {
        await using var db = await AuditDatabase.CreateAsync(provider);
        await db.AppendManyAsync(3);
        var lines = Encoding.UTF8.GetString(await db.ExportAsync(format: AuditExportFormat.CloudEvents)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        using var first = JsonDocument.Parse(lines[1]);
        var e = first.RootElement;
        e.GetProperty("specversion").GetString().ShouldBe("1.0");
        e.GetProperty("id").GetString().ShouldBe("1");
        e.GetProperty("source").GetString().ShouldBe("urn:shipgate:audit:" + db.Signer.KeyId);
        e.GetProperty("type").GetString().ShouldBe("dev.shipgate.audit.deployment.approved");
        e.GetProperty("time").GetString().ShouldBe("2026-03-29T00:30:02.000Z");
        e.GetProperty("data").GetProperty("deploymentId").GetString().ShouldBe("dep-1");
        e.GetProperty("shipgateleafhash").GetString().ShouldBe(Convert.ToHexStringLower((await db.Reader.GetEntriesAsync(1, 1))[0].LeafHash));
    }

    internal static async Task<List<SignedCheckpoint>> CheckpointsAsync(AuditDatabase db)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tree_size, root_hash, signed_at, key_id, signature FROM audit_checkpoints ORDER BY tree_size";
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<SignedCheckpoint>();
        while (await reader.ReadAsync())
        {
            AuditEntry.TryParseTime(reader.GetString(2), out var at).ShouldBeTrue();
            list.Add(new SignedCheckpoint(new Checkpoint(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), at), reader.GetString(3), reader.GetFieldValue<byte[]>(4)));
        }

        return list;
    }
}
