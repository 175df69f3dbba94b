using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shipgate.Gate.Domain;
using Shipgate.Gate.Services;

namespace Shipgate.Gate.Tests.Apis;

/// <summary>The real <see cref="HttpHealthProbe"/> against a real HTTP server on loopback that answers a scripted sequence.</summary>
public sealed class HealthProbeTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<int> script = new();
    private readonly ServiceProvider services = new ServiceCollection().AddHttpClient(HttpHealthProbe.ClientName)
        .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false }).Services.BuildServiceProvider();

    private WebApplication server = null!;
    private int requests;

    private Uri Url => new(server.Urls.First() + "/healthz");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server = builder.Build();
        server.MapGet("/healthz", async (HttpContext context) =>
        {
            Interlocked.Increment(ref requests);
            var status = script.TryDequeue(out var next) ? next : 200;
            if (status == 0)
            {
                // Hang until the client gives up.
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            context.Response.StatusCode = status;
            if (status == 302)
            {
                context.Response.Headers.Location = "/elsewhere";
            }
        });
        await server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await services.DisposeAsync();
    }

    private HttpHealthProbe Probe => new(services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System);

    private HealthCheck Check(int retries, params int[] expected) => new(Url)
    {
        Retries = retries,
        Interval = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(5),
        ExpectedStatus = expected,
    };

    [Fact]
    public async Task Should_retry_until_the_stage_answers_healthy()
    {
        script.Enqueue(503);
        script.Enqueue(502);

        var result = await Probe.ProbeAsync(Check(retries: 3), CancellationToken.None);

        result.ShouldBe(new HealthCheckResult(true, Url, 3, 200, $"{Url} answered 200 (attempt 3 of 4)"));
        requests.ShouldBe(3);
    }

    [Fact]
    public async Task Should_give_up_after_the_retries_and_report_the_last_status()
    {
        for (var i = 0; i < 5; i++)
        {
            script.Enqueue(503);
        }

        var result = await Probe.ProbeAsync(Check(retries: 2), CancellationToken.None);

        result.Healthy.ShouldBeFalse();
        (result.Attempts, result.Status).ShouldBe((3, 503));
        result.Detail.ShouldBe($"{Url} answered 503, expected 2xx; gave up after 3 attempt(s)");
        requests.ShouldBe(3);
    }

    [Fact]
    public async Task Should_accept_only_the_expected_statuses_and_not_follow_redirects()
    {
        script.Enqueue(302);
        script.Enqueue(200);
        script.Enqueue(204);

        var result = await Probe.ProbeAsync(Check(retries: 2, 204), CancellationToken.None);

        (result.Healthy, result.Attempts, result.Status).ShouldBe((true, 3, 204));
    }

    [Fact]
    public async Task Should_time_out_a_hanging_stage()
    {
        script.Enqueue(0);

        var result = await Probe.ProbeAsync(Check(retries: 0) with { Timeout = TimeSpan.FromMilliseconds(300) }, CancellationToken.None);

        (result.Healthy, result.Attempts, result.Status).ShouldBe((false, 1, (int?)null));
        result.Detail.ShouldStartWith($"{Url} did not answer within 0 s");
    }

    [Fact]
    public async Task Should_report_an_unreachable_stage()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var closed = new HealthCheck(new Uri($"http://127.0.0.1:{port}/healthz")) { Retries = 1, Interval = TimeSpan.FromMilliseconds(10) };

        var result = await Probe.ProbeAsync(closed, CancellationToken.None);

        (result.Healthy, result.Attempts, result.Status).ShouldBe((false, 2, (int?)null));
        result.Detail.ShouldContain("is unreachable (ConnectionError)");
    }
}
