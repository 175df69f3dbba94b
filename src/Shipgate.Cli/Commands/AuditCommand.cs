using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Shipgate.Gate.Audit;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate audit verify FILE|--url URL</c> and <c>shipgate audit export --url URL</c>: check a gate's
/// tamper-evident audit log offline, and export it as verifiable JSON Lines or as CloudEvents.
/// Exit codes of <c>verify</c>: 0 verified, 1 tampering or a bad signature found (the first bad entry is named),
/// 2 unreadable input or a usage mistake.
/// </summary>
internal static class AuditCommand
{
    /// <summary>Environment variable holding the gate token when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "SHIPGATE_TOKEN";

    public static Command Create(CliServices services)
    {
        var file = new Argument<string?>("FILE") { Description = "A JSON Lines export (from 'shipgate audit export' or GET /api/audit/export).", Arity = ArgumentArity.ZeroOrOne };
        var checkpoint = new Option<string[]>("--checkpoint")
        {
            Description = "A signed checkpoint saved earlier (JSON). The log must extend it; if the export has no final checkpoint line, one of these must cover it. Repeatable.",
        };
        var publicKey = new Option<string?>("--public-key") { Description = "The gate's checkpoint public key (PEM, from GET /api/audit/public-key). Required for files." };
        var url = new Option<string?>("--url") { Description = "Base URL of the gate (e.g. https://gate.example.com) to read the log from instead of a file." };
        var token = new Option<string?>("--token") { Description = $"Auditor token for --url (default: ${TokenVariable})." };
        var save = new Option<string?>("--save-checkpoint") { Description = "After a successful verification, write the verified final checkpoint to this file (pass it as --checkpoint next time)." };
        var verify = new Command("verify", "Verify an audit export: leaf hashes, sequence, Merkle roots, signatures, consistency with earlier checkpoints. Exit 0 verified, 1 tampered, 2 unreadable.")
        {
            file, checkpoint, publicKey, url, token, save,
        };
        verify.SetAction((result, ct) => VerifyAsync(
            services, result.GetValue(file), result.GetValue(checkpoint) ?? [], result.GetValue(publicKey), result.GetValue(url), result.GetValue(token), result.GetValue(save), ct));

        var exportUrl = new Option<string>("--url") { Description = "Base URL of the gate.", Required = true };
        var exportToken = new Option<string?>("--token") { Description = $"Auditor token (default: ${TokenVariable})." };
        var since = new Option<string?>("--since") { Description = "First entry: a sequence number, or an RFC 3339 time (entries recorded at or after it)." };
        var until = new Option<string?>("--until") { Description = "End before this entry: a sequence number, or an RFC 3339 time (entries recorded before it); the export ends with a checkpoint of that size (an archive)." };
        var format = new Option<AuditExportFormat>("--format", "-f") { Description = "jsonl (verifiable, default) or cloudevents (one CloudEvents 1.0 JSON event per line)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the export to this file instead of standard output." };
        var export = new Command("export", "Export the audit log from a gate as verifiable JSON Lines or CloudEvents.") { exportUrl, exportToken, since, until, format, output };
        export.SetAction((result, ct) => ExportAsync(
            services, result.GetValue(exportUrl)!, result.GetValue(exportToken), result.GetValue(since), result.GetValue(until), result.GetValue(format), result.GetValue(output), ct));

        return new Command("audit", "Verify and export the deployment gate's tamper-evident audit log.") { verify, export };
    }

    private static async Task<int> VerifyAsync(
        CliServices services, string? file, string[] checkpointFiles, string? publicKeyFile, string? url, string? token, string? saveFile, CancellationToken ct)
    {
        var env = services.Environment;
        if ((file is null) == (url is null))
        {
            throw new UsageException("audit verify: give either an export FILE or --url (not both)");
        }

        var trusted = checkpointFiles.Select(path => ReadCheckpoint(env, path)).ToList();
        string publicKeyPem;
        if (publicKeyFile is not null)
        {
            publicKeyPem = ReadText(env, publicKeyFile, "public key");
        }
        else if (url is not null)
        {
            using var client = CreateClient(url, ResolveToken(env, token));
            publicKeyPem = await GetStringAsync(client, "api/audit/public-key", ct).ConfigureAwait(false);
            await env.Error.WriteLineAsync("shipgate: using the public key the gate serves; pin it with --public-key to detect a replaced key").ConfigureAwait(false);
        }
        else
        {
            throw new UsageException("audit verify: --public-key FILE is required to check the signatures of an export file");
        }

        CheckpointVerifier key;
        try
        {
            key = CheckpointVerifier.FromPublicKeyPem(publicKeyPem);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{publicKeyFile ?? url}: {ex.Message}");
        }

        AuditVerification result;
        using (key)
        {
            var source = file is not null ? env.Resolve(file) : url!;
            try
            {
                if (file is not null)
                {
                    var stream = OpenRead(env, file, "export");
                    await using (stream.ConfigureAwait(false))
                    {
                        result = await AuditVerifier.VerifyAsync(stream, key, trusted, ct).ConfigureAwait(false);
                    }
                }
                else
                {
                    using var client = CreateClient(url!, ResolveToken(env, token));
                    using var response = await SendAsync(client, "api/audit/export?format=jsonl", ct).ConfigureAwait(false);
                    var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                    await using (stream.ConfigureAwait(false))
                    {
                        result = await AuditVerifier.VerifyAsync(stream, key, trusted, ct).ConfigureAwait(false);
                    }
                }
            }
            catch (AuditExportFormatException ex)
            {
                throw new UsageException($"{source}: {ex.Message}");
            }
            catch (IOException ex)
            {
                throw new UsageException($"{source}: cannot read the export: {ex.Message}");
            }
        }

        if (!result.Verified)
        {
            var named = result.FirstBadSequence is { } bad ? string.Create(CultureInfo.InvariantCulture, $"first bad sequence number {bad}: ") : "";
            await env.Error.WriteLineAsync($"shipgate: audit log NOT verified: {named}{result.Message}").ConfigureAwait(false);
            return 1;
        }

        await env.Out.WriteLineAsync(result.Message).ConfigureAwait(false);
        if (saveFile is not null)
        {
            var path = env.Resolve(saveFile);
            try
            {
                await File.WriteAllTextAsync(path, AuditExportWriter.CheckpointJson(result.Final!), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{path}: cannot write the checkpoint: {ex.Message}");
            }
        }

        return 0;
    }

    /// <summary>A query parameter for a sequence number or an RFC 3339 time (<c>&amp;since=</c> or <c>&amp;sinceTime=</c>).</summary>
    private static string Bound(string option, string parameter, string? value)
    {
        if (value is null)
        {
            return "";
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return $"&{parameter}={seq.ToString(CultureInfo.InvariantCulture)}";
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? $"&{parameter}Time={Uri.EscapeDataString(AuditEntry.FormatTime(time))}"
            : throw new UsageException($"{option} '{value}': expected a sequence number or an RFC 3339 time such as 2026-01-01T00:00:00Z");
    }

    private static async Task<int> ExportAsync(
        CliServices services, string url, string? token, string? since, string? until, AuditExportFormat format, string? output, CancellationToken ct)
    {
        var env = services.Environment;
        var query = "format=" + (format == AuditExportFormat.CloudEvents ? "cloudevents" : "jsonl") + Bound("--since", "since", since) + Bound("--until", "until", until);

        using var client = CreateClient(url, ResolveToken(env, token));
        using var response = await SendAsync(client, "api/audit/export?" + query, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            if (output is null)
            {
                using var reader = new StreamReader(body);
                var buffer = new char[64 * 1024];
                int read;
                while ((read = await reader.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                {
                    await env.Out.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                }

                await env.Out.FlushAsync(ct).ConfigureAwait(false);
                return 0;
            }

            var path = env.Resolve(output);
            try
            {
                var file = new FileStream(path, FileMode.Create, FileAccess.Write);
                await using (file.ConfigureAwait(false))
                {
                    await body.CopyToAsync(file, ct).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{path}: cannot write the export: {ex.Message}");
            }

            await env.Error.WriteLineAsync($"shipgate: wrote the audit export to {output}").ConfigureAwait(false);
            return 0;
        }
    }

    private static SignedCheckpoint ReadCheckpoint(CliEnvironment env, string path)
    {
        var text = ReadText(env, path, "checkpoint");
        try
        {
            return AuditVerifier.ReadCheckpointFile(System.Text.Encoding.UTF8.GetBytes(text));
        }
        catch (AuditExportFormatException ex)
        {
            throw new UsageException($"{env.Resolve(path)}: {ex.Message}");
        }
    }

    private static string ReadText(CliEnvironment env, string path, string what)
    {
        var full = env.Resolve(path);
        try
        {
            var info = new FileInfo(full);
            if (info.Exists && info.Length > AuditVerifier.MaxLineBytes)
            {
                throw new UsageException($"{full}: too large for a {what} file");
            }

            return File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{full}: cannot read the {what}: {ex.Message}");
        }
    }

    private static FileStream OpenRead(CliEnvironment env, string path, string what)
    {
        var full = env.Resolve(path);
        try
        {
            return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{full}: cannot read the {what}: {ex.Message}");
        }
    }

    private static string? ResolveToken(CliEnvironment env, string? token) =>
        token ?? (env.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null);

    private static HttpClient CreateClient(string url, string? token)
    {
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--url '{url}': expected an http(s) URL such as https://gate.example.com");
        }

        var client = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new UsageException($"{client.BaseAddress}: cannot reach the gate: {ex.Message}");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var status = response.StatusCode;
        response.Dispose();
        throw new UsageException(status switch
        {
            HttpStatusCode.Unauthorized => $"{client.BaseAddress}{path}: 401 Unauthorized (pass an auditor token with --token or ${TokenVariable})",
            HttpStatusCode.Forbidden => $"{client.BaseAddress}{path}: 403 Forbidden (the token lacks the auditor role)",
            _ => $"{client.BaseAddress}{path}: HTTP {(int)status} {status}",
        });
    }

    private static async Task<string> GetStringAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await SendAsync(client, path, ct).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
    }
}
