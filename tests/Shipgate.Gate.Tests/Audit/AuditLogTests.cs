using Shipgate.Gate.Audit;
using static Shipgate.Gate.Tests.Audit.AuditLogScenarios;

namespace Shipgate.Gate.Tests.Audit;

/// <summary>The audit log on a real SQLite file.</summary>
public sealed class SqliteAuditLogTests
{
    private const DatabaseProvider Db = DatabaseProvider.Sqlite;

    [Fact]
    public Task Appends_are_numbered_proven_and_verified() => AuditLogScenarios.Appends_are_numbered_proven_and_verified(Db);

    [Fact]
    public Task Database_refuses_update_and_delete() => AuditLogScenarios.Database_refuses_update_and_delete(Db);

    [Theory]
    [InlineData(Tamper.EditContent, 12, "entry 12 was edited")]
    [InlineData(Tamper.EditContentAndLeafHash, 7, "entry 7 was altered")]
    [InlineData(Tamper.DeleteRow, 5, "entry 5 is missing")]
    [InlineData(Tamper.SwapRows, 3, "says it is entry 4")]
    [InlineData(Tamper.AppendForgedTail, 25, "not covered by a signed checkpoint")]
    [InlineData(Tamper.TruncateTail, 22, "truncated")]
    public Task Tampering_is_detected_and_named(Tamper tamper, long firstBad, string message) =>
        AuditLogScenarios.Tampering_is_detected_and_named(Db, tamper, firstBad, message);

    [Theory]
    [InlineData(Tamper.EditContent, 12, "entry 12 was edited")]
    [InlineData(Tamper.EditContentAndLeafHash, 0, "an entry between 0 and 7 was altered")]
    [InlineData(Tamper.EditTailContentAndLeafHash, 24, "entry 24 was altered")]
    [InlineData(Tamper.DeleteRow, 5, "entry 5 is missing")]
    [InlineData(Tamper.SwapRows, 3, "says it is entry 4")]
    [InlineData(Tamper.AppendForgedTail, 25, "not covered by a signed checkpoint")]
    [InlineData(Tamper.AppendForgedTailWithHead, 25, "not covered by a signed checkpoint")]
    [InlineData(Tamper.TruncateTail, 22, "truncated")]
    public Task Tampering_is_detected_and_named_with_a_checkpoint_every_8_entries(Tamper tamper, long firstBad, string message) =>
        AuditLogScenarios.Tampering_is_detected_and_named(Db, tamper, firstBad, message, every: 8);

    [Fact]
    public async Task A_log_signed_per_entry_exports_only_every_nth_checkpoint_and_the_last()
    {
        // A log written before sparse checkpoints (one per entry), exported by a service checkpointing every 8.
        await using var db = await AuditDatabase.CreateAsync(Db);
        await db.AppendManyAsync(20);
        var reader = new SqlAuditReader(db.Connections, db.Signer, db.Time, exportCheckpointEvery: 8);
        using var export = new MemoryStream();
        await reader.WriteExportAsync(export, 0, AuditExportFormat.Jsonl);
        var lines = System.Text.Encoding.UTF8.GetString(export.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Where(l => l.StartsWith("{\"checkpoint\"", StringComparison.Ordinal)).Select(l => AuditVerifier.ReadCheckpointFile(System.Text.Encoding.UTF8.GetBytes(l)).Checkpoint.TreeSize)
            .ShouldBe([8L, 16, 20]);
        export.Position = 0;
        var result = await AuditVerifier.VerifyAsync(export, db.Signer.Verifier);
        result.Verified.ShouldBeTrue(result.Message);
        result.Checkpoints.ShouldBe(3);
    }

    [Fact]
    public Task Sparse_checkpoints_sign_every_n_entries_and_the_tail_on_demand() => AuditLogScenarios.Sparse_checkpoints_sign_every_n_entries_and_the_tail_on_demand(Db);

    [Fact]
    public async Task An_intermediate_checkpoint_with_a_bad_signature_is_named()
    {
        await using var db = await AuditDatabase.CreateAsync(Db, new AuditCheckpointPolicy(4));
        await db.AppendManyAsync(10);
        using var other = CheckpointSigner.CreateEphemeral();
        var lines = System.Text.Encoding.UTF8.GetString(await db.ExportAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.FindIndex(lines, l => l.StartsWith("{\"checkpoint\":{\"treeSize\":4,", StringComparison.Ordinal));
        var genuine = AuditVerifier.ReadCheckpointFile(System.Text.Encoding.UTF8.GetBytes(lines[index]));
        var forged = other.Sign(genuine.Checkpoint);
        lines[index] = "{\"checkpoint\":" + AuditExportWriter.CheckpointJson(forged with { KeyId = genuine.KeyId }).ReplaceLineEndings("").Replace(" ", "", StringComparison.Ordinal) + "}";

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        var result = await AuditVerifier.VerifyAsync(stream, db.Signer.Verifier);
        result.Verified.ShouldBeFalse();
        result.Message.ShouldBe($"line {index + 1}: the checkpoint for tree size 4 has an invalid signature (forged, altered, or signed by another key than {db.Signer.KeyId})");
    }

    [Fact]
    public async Task Many_checkpoints_are_all_verified_in_parallel_batches()
    {
        // More checkpoints than one signature batch, with the bad one late in the stream.
        await using var db = await AuditDatabase.CreateAsync(Db);
        await db.AppendManyAsync(600);
        var lines = System.Text.Encoding.UTF8.GetString(await db.ExportAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        (await db.VerifyExportAsync()).Checkpoints.ShouldBe(600);
        var index = Array.FindIndex(lines, l => l.StartsWith("{\"checkpoint\":{\"treeSize\":517,", StringComparison.Ordinal));
        var genuine = AuditVerifier.ReadCheckpointFile(System.Text.Encoding.UTF8.GetBytes(lines[index]));
        var flipped = (byte[])genuine.Signature.Clone();
        flipped[^1] ^= 1;
        lines[index] = "{\"checkpoint\":" + AuditExportWriter.CheckpointJson(genuine with { Signature = flipped }).ReplaceLineEndings("").Replace(" ", "", StringComparison.Ordinal) + "}";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        var result = await AuditVerifier.VerifyAsync(stream, db.Signer.Verifier);
        result.Verified.ShouldBeFalse();
        result.Message.ShouldContain("the checkpoint for tree size 517 has an invalid signature");
    }

    [Fact]
    public Task Concurrent_appends_from_two_connections_keep_one_log() => AuditLogScenarios.Concurrent_appends_from_two_connections_keep_one_log(Db);

    [Fact]
    public Task Failed_or_rolled_back_appends_leave_no_trace() => AuditLogScenarios.Failed_or_rolled_back_appends_leave_no_trace(Db);

    [Fact]
    public Task Partial_exports_verify_from_their_prefix() => AuditLogScenarios.Partial_exports_verify_from_their_prefix(Db);

    [Fact]
    public async Task A_log_without_per_entry_signing_is_checkpointed_on_demand()
    {
        await using var db = await AuditDatabase.CreateAsync(Db);
        var unsigned = new MerkleAuditLog(Db, db.Time);
        var reader = new SqlAuditReader(db.Connections, db.Signer, db.Time, signOnDemand: true);
        for (var i = 0; i < 5; i++)
        {
            await using var connection = await db.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            (await unsigned.AppendAsync(AuditDatabase.Sample(i), transaction)).ShouldBe(i);
            await transaction.CommitAsync();
        }

        (await AuditLogScenarios.CheckpointsAsync(db)).ShouldBeEmpty();
        await Should.ThrowAsync<AuditLogException>(() => db.Reader.GetLatestCheckpointAsync());
        var checkpoint = await reader.GetLatestCheckpointAsync();
        checkpoint.Checkpoint.TreeSize.ShouldBe(5);
        (await reader.GetLatestCheckpointAsync()).Signature.ShouldBe(checkpoint.Signature, "signed once, then read back");
        using var export = new MemoryStream();
        await reader.WriteExportAsync(export, 0, AuditExportFormat.Jsonl);
        export.Position = 0;
        var result = await AuditVerifier.VerifyAsync(export, db.Signer.Verifier);
        result.Verified.ShouldBeTrue(result.Message);
        result.Checkpoints.ShouldBe(1);
    }

    [Fact]
    public async Task An_empty_log_exports_a_signed_empty_tree()
    {
        await using var db = await AuditDatabase.CreateAsync(Db);
        var result = await db.VerifyExportAsync();
        result.Verified.ShouldBeTrue(result.Message);
        result.Final!.Checkpoint.RootHash.ShouldBe(MerkleTree.EmptyRoot());
    }

    [Fact]
    public Task CloudEvents_export_carries_the_required_attributes() => AuditLogScenarios.CloudEvents_export_carries_the_required_attributes(Db);
}

/// <summary>The audit log on a real PostgreSQL server (<c>SHIPGATE_TEST_POSTGRES</c>), one fresh database per test.</summary>
public sealed class PostgresAuditLogTests
{
    private const DatabaseProvider Db = DatabaseProvider.Postgres;

    [PostgresFact]
    public Task Appends_are_numbered_proven_and_verified() => AuditLogScenarios.Appends_are_numbered_proven_and_verified(Db);

    [PostgresFact]
    public Task Database_refuses_update_and_delete() => AuditLogScenarios.Database_refuses_update_and_delete(Db);

    [PostgresFact]
    public async Task Tampering_is_detected_and_named()
    {
        await AuditLogScenarios.Tampering_is_detected_and_named(Db, Tamper.EditContent, 12, "entry 12 was edited");
        await AuditLogScenarios.Tampering_is_detected_and_named(Db, Tamper.EditContentAndLeafHash, 7, "entry 7 was altered");
        await AuditLogScenarios.Tampering_is_detected_and_named(Db, Tamper.DeleteRow, 5, "entry 5 is missing");
        await AuditLogScenarios.Tampering_is_detected_and_named(Db, Tamper.TruncateTail, 22, "truncated");
        await AuditLogScenarios.Tampering_is_detected_and_named(Db, Tamper.EditContentAndLeafHash, 0, "an entry between 0 and 7 was altered", every: 8);
        await AuditLogScenarios.Tampering_is_detected_and_named(Db, Tamper.AppendForgedTailWithHead, 25, "not covered by a signed checkpoint", every: 8);
    }

    [PostgresFact]
    public Task Sparse_checkpoints_sign_every_n_entries_and_the_tail_on_demand() => AuditLogScenarios.Sparse_checkpoints_sign_every_n_entries_and_the_tail_on_demand(Db);

    [PostgresFact]
    public Task Concurrent_appends_from_two_connections_keep_one_log() => AuditLogScenarios.Concurrent_appends_from_two_connections_keep_one_log(Db);

    [PostgresFact]
    public Task Failed_or_rolled_back_appends_leave_no_trace() => AuditLogScenarios.Failed_or_rolled_back_appends_leave_no_trace(Db);

    [PostgresFact]
    public Task Partial_exports_verify_from_their_prefix() => AuditLogScenarios.Partial_exports_verify_from_their_prefix(Db);
}
