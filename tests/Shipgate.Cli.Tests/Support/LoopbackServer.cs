using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Shipgate.Cli.Tests.Support;

/// <summary>A real HTTP server on 127.0.0.1 (HttpListener) for download and API tests; records every request it answers.</summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<HttpListenerContext, string, Task> handler;
    private readonly Task loop;

    public LoopbackServer(Func<HttpListenerContext, string, Task> handler)
    {
        this.handler = handler;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(BaseUrl + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Method, path and Range header of each request, in order.</summary>
    public ConcurrentQueue<(string Method, string Path, string? Range, string Body)> Requests { get; } = new();

    public void Dispose()
    {
        // Close alone: Stop() first would drop the endpoint, and Close() would then bind the port again to remove
        // the prefix, failing when a parallel test has taken the port meanwhile.
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with an exception when the listener stops.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using var reader = new StreamReader(context.Request.InputStream);
                var body = await reader.ReadToEndAsync();
                Requests.Enqueue((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Range"], body));
                try
                {
                    await handler(context, body);
                }
                finally
                {
                    context.Response.Close();
                }
            });
        }
    }
}
