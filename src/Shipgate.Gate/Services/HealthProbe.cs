namespace Shipgate.Gate.Services;

/// <summary>Asks a health endpoint whether it is healthy (a 2xx answer within the timeout).</summary>
public interface IHealthProbe
{
    Task<(bool Healthy, string Detail)> ProbeAsync(Uri url, CancellationToken cancellationToken);
}

/// <summary>HTTP GET with a 10-second timeout; any 2xx status is healthy. Redirects are not followed.</summary>
public sealed class HttpHealthProbe(IHttpClientFactory clients) : IHealthProbe
{
    public const string ClientName = "health";

    public async Task<(bool Healthy, string Detail)> ProbeAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return (response.IsSuccessStatusCode, $"{url} answered {code}");
        }
        catch (HttpRequestException ex)
        {
            return (false, $"{url} is unreachable: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"{url} did not answer within 10 seconds");
        }
    }
}
