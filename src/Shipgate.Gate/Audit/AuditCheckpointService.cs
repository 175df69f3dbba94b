using Microsoft.Extensions.Logging;
using Shipgate.Gate.Infrastructure;

namespace Shipgate.Gate.Audit;

/// <summary>
/// Signs the audit log's unsigned tail every <see cref="AuditCheckpointPolicy.Interval"/>, so a quiet gate does not
/// leave its last entries covered only by their tree-head MACs until the next export. Signing the same tree twice is
/// a no-op (a checkpoint exists for it), so several replicas may run this at once.
/// </summary>
internal sealed partial class AuditCheckpointService(IAuditReader reader, TimeProvider time, TimeSpan interval, ILogger<AuditCheckpointService> logger)
    : PeriodicService(time, interval)
{
    protected override Task TickAsync(CancellationToken token) => reader.GetLatestCheckpointAsync(token);

    protected override void OnTickFailed(Exception exception) => LogSigningFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing the audit log's tail failed")]
    private static partial void LogSigningFailed(ILogger logger, Exception exception);
}
