using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Shipgate.Gate.Contracts;

namespace Shipgate.Gate.Tests.Support;

internal static class Http
{
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static async Task<DeploymentDto> RequestAsync(this HttpClient client, string environment, string commit = GateHost.Commit, string gitRef = "refs/heads/main", string? triggeredBy = null)
    {
        var response = await client.PostAsJsonAsync("/api/deployments", new DeploymentRequestBody(environment, commit, gitRef, TriggeredBy: triggeredBy));
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<DeploymentDto>())!;
    }

    public static Task<HttpResponseMessage> ApproveAsync(this HttpClient client, long id, string? comment = null) =>
        client.PostAsJsonAsync($"/api/deployments/{id}/approve", new DecisionBody(comment));

    public static async Task<DeploymentDto> GetDeploymentAsync(this HttpClient client, long id) =>
        (await client.GetFromJsonAsync<DeploymentDto>($"/api/deployments/{id}"))!;

    public static async Task<DeploymentDto> OkAsync(this Task<HttpResponseMessage> pending)
    {
        var response = await pending;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<DeploymentDto>())!;
    }

    public static async Task<ProblemDetails> ProblemAsync(this Task<HttpResponseMessage> pending, HttpStatusCode expected)
    {
        var response = await pending;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        return System.Text.Json.JsonSerializer.Deserialize<ProblemDetails>(body, Web)!;
    }
}
