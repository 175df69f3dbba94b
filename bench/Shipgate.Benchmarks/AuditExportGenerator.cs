using System.Globalization;
using Shipgate.Gate.Audit;

namespace Shipgate.Benchmarks;

/// <summary>
/// Writes a synthetic, valid audit export (as <c>GET /api/audit/export</c> would) for timing <c>shipgate audit verify</c>:
/// <c>dotnet run -c Release --project bench/Shipgate.Benchmarks -- generate-audit-export COUNT OUT.jsonl KEY.pem [CHECKPOINT_EVERY]</c>.
/// Entries look like real deployment events; a checkpoint is signed every CHECKPOINT_EVERY entries and after the last
/// one (default <see cref="AuditCheckpointPolicy.DefaultEvery"/>, as the gate writes under load: its tail timer adds one
/// checkpoint a minute at most, and the export one for the tail).
/// </summary>
public static class AuditExportGenerator
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 4 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var count))
        {
            await Console.Error.WriteLineAsync("usage: generate-audit-export COUNT OUT.jsonl PUBLIC-KEY.pem [CHECKPOINT_EVERY]");
            return 2;
        }

        var every = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : AuditCheckpointPolicy.DefaultEvery;
        using var signer = CheckpointSigner.CreateEphemeral();
        await File.WriteAllTextAsync(args[3], signer.ExportPublicKeyPem());
        await using var output = new FileStream(args[2], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new AuditExportWriter(output, AuditExportFormat.Jsonl, "urn:bench");
        var frontier = new MerkleFrontier();
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const int batch = 4096;
        var entries = new StoredAuditEntry[batch];
        var checkpoints = new Checkpoint?[batch];
        var signed = new SignedCheckpoint?[batch];
        for (var start = 0; start < count; start += batch)
        {
            var n = Math.Min(batch, count - start);
            for (var j = 0; j < n; j++)
            {
                var i = start + j;
                var time = t0.AddSeconds(i);
                var auditEvent = new AuditEvent(
                    (i % 4) switch { 0 => "deployment.requested", 1 => "deployment.approved", 2 => "deployment.started", _ => "deployment.succeeded" },
                    i % 4 == 1 ? "user:alice@example.com" : "token:ci-acme-shop", "success", "10.20." + (i % 256) + "." + (i / 256 % 256),
                    i % 3 == 0 ? "production" : "staging", "dep-" + (i / 4), "acme/shop", "refs/heads/main",
                    Convert.ToHexStringLower(BitConverter.GetBytes((long)i * 2654435761L)).PadLeft(40, '0'), "Merge pull request #" + (i / 4) + " from acme/feature",
                    "Dana Scully", ".github/workflows/deploy.yml", (9_000_000_000L + i).ToString(CultureInfo.InvariantCulture), (i / 4).ToString(CultureInfo.InvariantCulture),
                    new Dictionary<string, string> { ["comment"] = "approved after review", ["group"] = "security-team" });
                var canonical = new AuditEntry(i, time, auditEvent).ToCanonicalJson();
                var leaf = AuditEntry.LeafHash(canonical);
                frontier.Append(leaf);
                entries[j] = new StoredAuditEntry(i, canonical, leaf);
                checkpoints[j] = (i + 1) % every == 0 || i == count - 1 ? new Checkpoint(i + 1, frontier.Root(), time) : null;
            }

            Parallel.For(0, n, j => signed[j] = checkpoints[j] is { } c ? signer.Sign(c) : null);
            for (var j = 0; j < n; j++)
            {
                await writer.WriteEntryAsync(entries[j], default);
                if (signed[j] is { } s)
                {
                    await writer.WriteCheckpointAsync(s, default);
                }
            }
        }

        return 0;
    }
}
