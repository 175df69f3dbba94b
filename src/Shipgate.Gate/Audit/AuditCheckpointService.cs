using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shipgate.Gate.Audit;

/// <summary>
/// Signs the audit log's unsigned tail every <see cref="AuditCheckpointPolicy.Interval"/>, so a quiet gate does not
/// leave its last entries covered only by their tree-head MACs until the next export. Signing the same tree twice is
/// a no-op (a checkpoint exists for it), so several replicas may run this at once.
/// </summary>
internal sealed partial class AuditCheckpointService(IAuditReader reader, TimeProvider time, TimeSpan interval, ILogger<AuditCheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await reader.GetLatestCheckpointAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSigningFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing the audit log's tail failed")]
    private static partial void LogSigningFailed(ILogger logger, Exception exception);
}
