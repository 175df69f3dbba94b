using Shipgate.Gate.Domain;

namespace Shipgate.Gate.Services;

/// <summary>Runs a <see cref="HealthCheck"/> (attempts, pauses and the verdict).</summary>
public interface IHealthProbe
{
    Task<HealthCheckResult> ProbeAsync(HealthCheck check, CancellationToken cancellationToken);
}

/// <summary>
/// HTTP GET with the check's timeout per attempt, up to 1 + retries attempts separated by its interval (on the gate's
/// clock); healthy on the first expected status. Redirects are not followed (a redirect is an answer, not health).
/// </summary>
public sealed class HttpHealthProbe(IHttpClientFactory clients, TimeProvider time) : IHealthProbe
{
    public const string ClientName = "health";

    public async Task<HealthCheckResult> ProbeAsync(HealthCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        var attempts = 0;
        int? status = null;
        var detail = "";
        while (true)
        {
            attempts++;
            (status, detail) = await AttemptAsync(check, cancellationToken).ConfigureAwait(false);
            if (status is { } answered && check.IsHealthy(answered))
            {
                return new HealthCheckResult(true, check.Url, attempts, status, $"{check.Url} answered {answered} (attempt {attempts} of {check.Retries + 1})");
            }

            if (attempts > check.Retries)
            {
                return new HealthCheckResult(false, check.Url, attempts, status, $"{detail}, expected {check.Expected}; gave up after {attempts} attempt(s)");
            }

            await Task.Delay(check.Interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(int? Status, string Detail)> AttemptAsync(HealthCheck check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(check.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(check.Url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return (code, $"{check.Url} answered {code}");
        }
        catch (HttpRequestException ex)
        {
            return (null, $"{check.Url} is unreachable ({ex.HttpRequestError})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"{check.Url} did not answer within {check.Timeout.TotalSeconds:0} s");
        }
    }
}
