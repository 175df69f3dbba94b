using System.Collections.Concurrent;
using System.Data.Common;
using Shipgate.Gate.Audit;

namespace Shipgate.Gate.Tests.Support;

/// <summary>
/// Stands in for the Merkle audit log in service tests: keeps the events appended by transactions that committed
/// (it hooks the transaction's connection state), and can be told to fail, to test the fail-closed path.
/// </summary>
public sealed class FakeAuditLog : IAuditLog
{
    private readonly ConcurrentQueue<AuditEvent> appended = new();
    private long sequence = -1;

    public bool Fail { get; set; }

    public IReadOnlyList<AuditEvent> Events => [.. appended];

    public Task<long> AppendAsync(AuditEvent auditEvent, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (Fail)
        {
            throw new InvalidOperationException("audit store unavailable");
        }

        appended.Enqueue(auditEvent);
        return Task.FromResult(Interlocked.Increment(ref sequence));
    }

    public IReadOnlyList<AuditEvent> OfType(string type) => Events.Where(e => e.Type == type).ToArray();
}
