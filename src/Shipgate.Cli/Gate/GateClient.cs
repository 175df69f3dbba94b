using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shipgate.Gate.Contracts;

namespace Shipgate.Cli.Gate;

/// <summary>
/// The CLI's HTTP client for the gate service. The URL comes from <c>--gate-url</c> or <c>SHIPGATE_URL</c>, the token
/// from <c>SHIPGATE_TOKEN</c> or <c>--token-file</c> (never a command-line value, which would show in process lists).
/// A refusal becomes a <see cref="GateCallException"/> carrying the ProblemDetails text.
/// </summary>
internal sealed class GateClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient http;

    public GateClient(Uri baseAddress, string token, TimeSpan? timeout = null)
    {
        http = new HttpClient { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("shipgate", "1"));
    }

    public Uri BaseAddress => http.BaseAddress!;

    public Task<DeploymentDto> RequestAsync(DeploymentRequestBody body, CancellationToken ct) => SendAsync<DeploymentDto>(HttpMethod.Post, "api/deployments", body, ct);

    public Task<DeploymentDto> GetAsync(long id, CancellationToken ct) => SendAsync<DeploymentDto>(HttpMethod.Get, $"api/deployments/{id}", null, ct);

    public Task<DeploymentDto> WaitAsync(long id, string etag, int seconds, CancellationToken ct) =>
        SendAsync<DeploymentDto>(HttpMethod.Get, $"api/deployments/{id}/wait?etag={Uri.EscapeDataString(etag)}&timeout={seconds}", null, ct);

    public Task<DeploymentDto[]> ListAsync(string? environment, string? status, int limit, CancellationToken ct) =>
        SendAsync<DeploymentDto[]>(HttpMethod.Get, $"api/deployments?limit={limit}" + (environment is null ? "" : $"&environment={Uri.EscapeDataString(environment)}") + (status is null ? "" : $"&status={Uri.EscapeDataString(status)}"), null, ct);

    public Task<DeploymentDto> ActAsync(long id, string action, object? body, CancellationToken ct) =>
        SendAsync<DeploymentDto>(HttpMethod.Post, $"api/deployments/{id}/{action}", body, ct);

    public Task<CheckDto> ReportCheckAsync(CheckBody body, CancellationToken ct) => SendAsync<CheckDto>(HttpMethod.Post, "api/checks", body, ct);

    public Task<ConfigDto> ApplyConfigAsync(ConfigApplyBody body, CancellationToken ct) => SendAsync<ConfigDto>(HttpMethod.Put, "api/config", body, ct);

    public Task<ConfigDto> ExportConfigAsync(CancellationToken ct) => SendAsync<ConfigDto>(HttpMethod.Get, "api/config", null, ct);

    public Task<TokenCreatedDto> CreateTokenAsync(TokenCreateBody body, CancellationToken ct) => SendAsync<TokenCreatedDto>(HttpMethod.Post, "api/tokens", body, ct);

    public Task<TokenDto> RevokeTokenAsync(string id, CancellationToken ct) => SendAsync<TokenDto>(HttpMethod.Delete, $"api/tokens/{Uri.EscapeDataString(id)}", null, ct);

    public Task<TokenDto[]> ListTokensAsync(CancellationToken ct) => SendAsync<TokenDto[]>(HttpMethod.Get, "api/tokens", null, ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new GateCallException(null, $"cannot reach the gate at {http.BaseAddress}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new GateCallException(null, $"the gate at {http.BaseAddress} did not answer within {http.Timeout.TotalSeconds:0} s", ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadFromJsonAsync<T>(Json, ct).ConfigureAwait(false))!;
            }

            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            string detail;
            try
            {
                using var problem = JsonDocument.Parse(text);
                var root = problem.RootElement;
                detail = root.TryGetProperty("detail", out var d) && d.GetString() is { } s ? s
                    : root.TryGetProperty("title", out var t) ? t.GetString() ?? text : text;
            }
            catch (JsonException)
            {
                detail = text.Length > 300 ? text[..300] : text;
            }

            throw new GateCallException(response.StatusCode, $"the gate refused ({(int)response.StatusCode}): {detail}");
        }
    }

    public void Dispose() => http.Dispose();
}

/// <summary>A call to the gate that failed: unreachable, or refused with a status code and ProblemDetails text.</summary>
internal sealed class GateCallException : Exception
{
    public GateCallException(HttpStatusCode? status, string message, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
    }

    public GateCallException()
    {
    }

    public GateCallException(string message)
        : base(message)
    {
    }

    public GateCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode? Status { get; }

    /// <summary>True when trying again later may help (network trouble, 5xx).</summary>
    public bool Transient => Status is null || (int)Status >= 500;
}
