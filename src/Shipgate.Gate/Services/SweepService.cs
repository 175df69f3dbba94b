using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shipgate.Gate.Services;

/// <summary>Periodically applies the moves time makes due (expiry, elapsed wait timers) to open requests.</summary>
internal sealed partial class SweepService(DeploymentService deployments, TimeProvider time, TimeSpan interval, ILogger<SweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await deployments.SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping open deployment requests failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
