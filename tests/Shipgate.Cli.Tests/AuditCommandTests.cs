using System.Text;
using Shipgate.Cli.Tests.Support;
using Shipgate.Gate.Audit;

namespace Shipgate.Cli.Tests;

/// <summary><c>shipgate audit verify</c> on exports built here with the gate's own writer, then tampered with as text.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shipgate-audit-cli-").FullName;
    private readonly CheckpointSigner _signer = CheckpointSigner.CreateEphemeral();

    public AuditCommandTests() => File.WriteAllText(Path.Combine(_dir, "key.pem"), _signer.ExportPublicKeyPem());

    /// <summary>A log of <paramref name="count"/> entries with a signed checkpoint after each, as the gate writes it.</summary>
    private List<string> Export(int count, string actor = "alice", List<SignedCheckpoint>? checkpoints = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new AuditExportWriter(stream, AuditExportFormat.Jsonl, "urn:test"))
        {
            var frontier = new MerkleFrontier();
            var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < count; i++)
            {
                var canonical = new AuditEntry(i, t0.AddMinutes(i), new AuditEvent("deployment.approved", actor, "success", Environment: "production")).ToCanonicalJson();
                var leaf = AuditEntry.LeafHash(canonical);
                frontier.Append(leaf);
                writer.WriteEntryAsync(new StoredAuditEntry(i, canonical, leaf), default).GetAwaiter().GetResult();
                var signed = _signer.Sign(new Checkpoint(i + 1, frontier.Root(), t0.AddMinutes(i)));
                checkpoints?.Add(signed);
                writer.WriteCheckpointAsync(signed, default).GetAwaiter().GetResult();
            }
        }

        return [.. Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private string Write(string name, IEnumerable<string> lines)
    {
        File.WriteAllText(Path.Combine(_dir, name), string.Join('\n', lines) + "\n");
        return name;
    }

    private CliRun Verify(params string[] args) => CliHarness.Run(_dir, ["audit", "verify", .. args, "--public-key", "key.pem"]);

    [Fact]
    public void An_intact_export_verifies_with_counts()
    {
        var run = Verify(Write("log.jsonl", Export(20)));
        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldStartWith("verified 20 entries (0..19) and 20 checkpoint(s)");
    }

    [Fact]
    public void An_edited_entry_is_named()
    {
        var lines = Export(20);
        lines[14] = lines[14].Replace("\"actor\":\"alice\"", "\"actor\":\"mallory\"", StringComparison.Ordinal); // entry 7 (entry, checkpoint, …)
        var run = Verify(Write("log.jsonl", lines));
        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.Trim().ShouldBe("shipgate: audit log NOT verified: first bad sequence number 7: line 15: entry 7 was edited: its content does not match its recorded leaf hash");
    }

    [Fact]
    public void Removed_inserted_and_reordered_entries_are_named()
    {
        var lines = Export(20);
        var removed = lines.Where((_, i) => i is not (10 or 11)).ToList();
        Verify(Write("removed.jsonl", removed)).Error.ShouldContain("first bad sequence number 5: line 11: entry 5 is missing here");

        var reordered = lines.ToList();
        (reordered[6], reordered[8]) = (reordered[8], reordered[6]);
        Verify(Write("reordered.jsonl", reordered)).Error.ShouldContain("first bad sequence number 3: line 7: entry 3 is missing here (this line holds entry 4: removed or reordered)");

        var inserted = lines.ToList();
        inserted.Insert(4, lines[2]);
        var run = Verify(Write("inserted.jsonl", inserted));
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("first bad sequence number 2: line 5: entry 1 appears again");
    }

    [Fact]
    public void A_truncated_log_fails_against_a_saved_checkpoint_and_a_forked_one_is_caught()
    {
        var saved = Verify(Write("log.jsonl", Export(20)), "--save-checkpoint", "saved.json");
        saved.ExitCode.ShouldBe(0, saved.ToString());
        File.ReadAllText(Path.Combine(_dir, "saved.json")).ShouldContain("\"treeSize\": 20");

        var run = Verify(Write("short.jsonl", Export(15)), "--checkpoint", "saved.json");
        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("first bad sequence number 15");
        run.Error.ShouldContain("truncated");

        Verify(Write("longer.jsonl", Export(30)), "--checkpoint", "saved.json").ExitCode.ShouldBe(0);

        // Same key, different history (a rewritten log re-signed by the server): inconsistent with what the auditor kept.
        var forked = Export(30, actor: "mallory");
        var forkedRun = Verify(Write("forked.jsonl", forked), "--checkpoint", "saved.json");
        forkedRun.ExitCode.ShouldBe(1, forkedRun.ToString());
        forkedRun.Error.ShouldContain("does not match the trusted checkpoint for tree size 20");
    }

    [Fact]
    public void A_forged_final_checkpoint_and_a_foreign_key_are_refused()
    {
        var lines = Export(5);
        lines[^1] = lines[^1].Replace("\"treeSize\":5", "\"treeSize\":5 ", StringComparison.Ordinal);
        var other = CheckpointSigner.CreateEphemeral();
        File.WriteAllText(Path.Combine(_dir, "other.pem"), other.ExportPublicKeyPem());
        var run = CliHarness.Run(_dir, "audit", "verify", Write("log.jsonl", lines), "--public-key", "other.pem");
        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("invalid signature");
    }

    [Fact]
    public void Unreadable_input_exits_2_with_the_line()
    {
        var lines = Export(3);
        lines[2] = "{\"seq\": oops";
        var run = Verify(Write("bad.jsonl", lines));
        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("bad.jsonl: line 3: not valid JSON");

        CliHarness.Run(_dir, "audit", "verify", Write("ok.jsonl", Export(2))).ExitCode.ShouldBe(2, "no public key");
        Verify("missing.jsonl").Error.ShouldContain("cannot read the export");
        Verify(Write("empty.jsonl", [])).ExitCode.ShouldBe(2);
        CliHarness.Run(_dir, "audit", "export", "--url", "ftp://x").ExitCode.ShouldBe(2);
    }

    public void Dispose()
    {
        _signer.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
