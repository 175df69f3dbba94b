using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Shipgate.Core;

namespace Shipgate.Dependencies.Osv;

/// <summary>
/// The online advisory source (<c>scan --online</c>): asks the OSV API which records affect each package version
/// (<c>POST /v1/querybatch</c>, up to 1,000 queries a request, following <c>next_page_token</c>), then fetches each
/// record once (<c>GET /v1/vulns/{id}</c>, cached for the scan) so the same matcher as offline computes aliases, fixed
/// versions and severity. Only package names, ecosystems and versions leave the machine. Thread-safe.
/// </summary>
public sealed class OsvApiClient : IAdvisorySource, IDisposable
{
    private const int BatchSize = 1000;
    private const int MaxPages = 50;
    private readonly HttpClient http;
    private readonly Uri baseUri;
    private readonly ConcurrentDictionary<string, Lazy<Task<OsvRecord?>>> records = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim fetches = new(8);

    public OsvApiClient(Uri baseUri, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        this.baseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.Timeout = TimeSpan.FromSeconds(60);
        http.MaxResponseContentBufferSize = 64L * 1024 * 1024;
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("shipgate", "1"));
    }

    public async ValueTask<IReadOnlyList<IReadOnlyList<OsvRecord>>> FindAsync(IReadOnlyList<Package> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var ids = new List<string>[packages.Count];
        for (var start = 0; start < packages.Count; start += BatchSize)
        {
            var indices = Enumerable.Range(start, Math.Min(BatchSize, packages.Count - start)).ToList();
            var tokens = new Dictionary<int, string?>();
            for (var page = 0; indices.Count > 0; page++)
            {
                if (page >= MaxPages)
                {
                    throw new InputFormatException($"The OSV API at {baseUri} kept paging past {MaxPages} pages; stopping.");
                }

                var answers = await QueryBatchAsync(indices.Select(i => (packages[i], tokens.GetValueOrDefault(i))).ToList(), cancellationToken).ConfigureAwait(false);
                var next = new List<int>();
                for (var k = 0; k < indices.Count; k++)
                {
                    var index = indices[k];
                    (ids[index] ??= []).AddRange(answers[k].Ids);
                    if (answers[k].NextPageToken is { Length: > 0 } token)
                    {
                        tokens[index] = token;
                        next.Add(index);
                    }
                }

                indices = next;
            }
        }

        var result = new IReadOnlyList<OsvRecord>[packages.Count];
        for (var i = 0; i < packages.Count; i++)
        {
            var found = new List<OsvRecord>();
            foreach (var id in (ids[i] ?? []).Distinct(StringComparer.Ordinal))
            {
                if (await FetchAsync(id, cancellationToken).ConfigureAwait(false) is { } record && record.Withdrawn is null)
                {
                    found.Add(record);
                }
            }

            result[i] = found;
        }

        return result;
    }

    public void Dispose()
    {
        http.Dispose();
        fetches.Dispose();
    }

    private sealed record BatchAnswer(List<string> Ids, string? NextPageToken);

    private async Task<List<BatchAnswer>> QueryBatchAsync(List<(Package Package, string? PageToken)> queries, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("queries");
            foreach (var (package, token) in queries)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("package");
                writer.WriteString("ecosystem", package.Ecosystem.OsvName());
                writer.WriteString("name", package.Name);
                writer.WriteEndObject();
                writer.WriteString("version", package.Version);
                if (token is not null)
                {
                    writer.WriteString("page_token", token);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var document = await SendAsync(HttpMethod.Post, "v1/querybatch", content, cancellationToken).ConfigureAwait(false);
        if (!document.RootElement.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array || results.GetArrayLength() != queries.Count)
        {
            throw new InputFormatException($"The OSV API at {baseUri} answered querybatch without one result per query.");
        }

        var answers = new List<BatchAnswer>(queries.Count);
        foreach (var entry in results.EnumerateArray())
        {
            var ids = new List<string>();
            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("vulns", out var vulns) && vulns.ValueKind == JsonValueKind.Array)
            {
                ids.AddRange(vulns.EnumerateArray()
                    .Where(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                    .Select(v => v.GetProperty("id").GetString()!));
            }

            var token = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("next_page_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            answers.Add(new BatchAnswer(ids, token));
        }

        return answers;
    }

    private Task<OsvRecord?> FetchAsync(string id, CancellationToken cancellationToken) =>
        records.GetOrAdd(id, key => new Lazy<Task<OsvRecord?>>(() => DownloadAsync(key, cancellationToken))).Value;

    private async Task<OsvRecord?> DownloadAsync(string id, CancellationToken cancellationToken)
    {
        await fetches.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, "v1/vulns/" + Uri.EscapeDataString(id)));
            using var response = await Send(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return null;
            }

            await EnsureSuccess(response).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return OsvJson.Parse(bytes);
        }
        finally
        {
            fetches.Release();
        }
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path)) { Content = content };
        using var response = await Send(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccess(response).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new InputFormatException($"The OSV API at {baseUri} answered with invalid JSON ({ex.Message}).");
        }
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new InputFormatException($"Cannot reach the OSV API at {baseUri}: {ex.Message}");
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InputFormatException($"The OSV API at {baseUri} did not answer in time: {ex.Message}");
        }
    }

    private async Task EnsureSuccess(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InputFormatException($"The OSV API at {baseUri} answered {(int)response.StatusCode} {response.ReasonPhrase} to {response.RequestMessage?.RequestUri?.AbsolutePath}.");
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
