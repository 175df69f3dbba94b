using System.CommandLine;

namespace Shipgate.Cli.Gate;

/// <summary>The options every gate client verb shares: <c>--gate-url</c> and <c>--token-file</c>, with environment fallbacks.</summary>
internal sealed class GateConnection
{
    public Option<string?> Url { get; } = new("--gate-url")
    {
        Description = "Base URL of the gate service (default: $SHIPGATE_URL).",
    };

    public Option<string?> TokenFile { get; } = new("--token-file")
    {
        Description = "File holding the API token (default: $SHIPGATE_TOKEN).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(TokenFile);
    }

    public GateClient Connect(ParseResult result, CliEnvironment env, TimeSpan? timeout = null)
    {
        var url = result.GetValue(Url) ?? env.GetEnvironmentVariable("SHIPGATE_URL")
            ?? throw new UsageException("no gate URL: give --gate-url or set SHIPGATE_URL");
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"'{url}' is not an http(s) URL for --gate-url");
        }

        string? token;
        if (result.GetValue(TokenFile) is { } file)
        {
            var path = env.Resolve(file);
            try
            {
                token = File.ReadAllText(path).Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{path}: cannot read the token file: {ex.Message}");
            }
        }
        else
        {
            token = env.GetEnvironmentVariable("SHIPGATE_TOKEN")?.Trim();
        }

        if (string.IsNullOrEmpty(token))
        {
            throw new UsageException("no gate token: set SHIPGATE_TOKEN or give --token-file");
        }

        return new GateClient(uri, token, timeout);
    }
}
