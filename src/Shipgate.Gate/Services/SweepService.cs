using Microsoft.Extensions.Logging;
using Shipgate.Gate.Infrastructure;

namespace Shipgate.Gate.Services;

/// <summary>Periodically applies the moves time makes due (expiry, elapsed wait timers) to open requests.</summary>
internal sealed partial class SweepService(DeploymentService deployments, TimeProvider time, TimeSpan interval, ILogger<SweepService> logger)
    : PeriodicService(time, interval)
{
    protected override Task TickAsync(CancellationToken token) => deployments.SweepAsync(token);

    protected override void OnTickFailed(Exception exception) => LogSweepFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping open deployment requests failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
