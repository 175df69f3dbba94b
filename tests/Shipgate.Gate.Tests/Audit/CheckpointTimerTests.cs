using Microsoft.Data.Sqlite;
using Shipgate.Gate.Tests.Support;

namespace Shipgate.Gate.Tests.Audit;

/// <summary>The service's tail-signing timer (<c>AuditCheckpointPolicy.Interval</c>) on the real audit log, with a fake clock.</summary>
public sealed class CheckpointTimerTests
{
    [Fact]
    public async Task Should_sign_the_unsigned_tail_once_the_interval_has_passed()
    {
        await using var gate = await GateHost.StartAsync(realAudit: true);
        await gate.UserAsync("ci", "requester", machine: true);
        (await CheckpointsAsync(gate)).ShouldBeEmpty("two entries: fewer than 256, and the minute has not passed");

        gate.Time.Advance(TimeSpan.FromMinutes(1));

        // The timer runs on the host's own thread; wait (bounded) for its write, then check what it signed.
        var signed = await CheckpointsAsync(gate);
        for (var i = 0; i < 200 && signed.Count == 0; i++)
        {
            await Task.Delay(50);
            signed = await CheckpointsAsync(gate);
        }

        signed.ShouldBe([2L]);
        gate.Time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(200);
        (await CheckpointsAsync(gate)).ShouldBe([2L], "nothing new to sign");
    }

    private static async Task<List<long>> CheckpointsAsync(GateHost gate)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(gate.DataDirectory, "gate.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tree_size FROM audit_checkpoints ORDER BY tree_size";
        await using var reader = await command.ExecuteReaderAsync();
        var sizes = new List<long>();
        while (await reader.ReadAsync())
        {
            sizes.Add(reader.GetInt64(0));
        }

        return sizes;
    }
}
