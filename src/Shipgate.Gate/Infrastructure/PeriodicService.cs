using Microsoft.Extensions.Hosting;

namespace Shipgate.Gate.Infrastructure;

/// <summary>
/// A background job run every <c>interval</c> on the given <see cref="TimeProvider"/> (fake in tests). A failed tick is
/// handed to <see cref="OnTickFailed"/> and the next tick still runs; stopping the host ends the loop.
/// </summary>
internal abstract class PeriodicService(TimeProvider time, TimeSpan interval) : BackgroundService
{
    protected abstract Task TickAsync(CancellationToken token);

    protected abstract void OnTickFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                OnTickFailed(ex);
            }
        }
    }
}
