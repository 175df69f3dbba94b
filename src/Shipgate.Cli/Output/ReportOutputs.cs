using Shipgate.Cli.Commands;
using Shipgate.Core;
using Shipgate.Reporting;

namespace Shipgate.Cli.Output;

/// <summary>
/// Where each requested report goes: <c>--format</c> values paired in order with <c>--output</c> files;
/// a format without a file goes to standard output (at most one); a file without a format takes it from
/// its extension. Decided before the scan so a bad combination fails fast.
/// </summary>
internal sealed class ReportOutputs
{
    private readonly IReadOnlyList<(ReportFormat Format, string? Path)> targets;
    private readonly CliEnvironment env;

    private ReportOutputs(IReadOnlyList<(ReportFormat Format, string? Path)> targets, CliEnvironment env)
    {
        this.targets = targets;
        this.env = env;
    }

    public bool ConsoleOnStandardOutput => targets.Any(t => t.Path is null && t.Format == ReportFormat.Console);

    public static ReportOutputs Resolve(ScanSettings settings, CliEnvironment env)
    {
        var pairs = new List<(ReportFormat, string?)>();
        var count = Math.Max(settings.Formats.Count, settings.Outputs.Count);
        for (var i = 0; i < count; i++)
        {
            var path = i < settings.Outputs.Count ? settings.Outputs[i] : null;
            var format = i < settings.Formats.Count ? settings.Formats[i] : FormatFromExtension(path!);
            pairs.Add((format, path is null || path == "-" ? null : env.Resolve(path)));
        }

        if (pairs.Count == 0)
        {
            pairs.Add((ReportFormat.Console, null));
        }

        if (pairs.Count(p => p.Item2 is null) > 1)
        {
            throw new UsageException("only one report can go to standard output; give the others an --output file");
        }

        return new ReportOutputs(pairs, env);
    }

    public async Task WriteAsync(ScanResult result, ScanSettings settings, CancellationToken cancellationToken)
    {
        foreach (var (format, path) in targets)
        {
            var writer = ReportWriters.For(format, new ReportWriterOptions
            {
                Color = path is null && env.OutputIsTerminal && !env.NoColor,
                Verbose = false,
                ShowSecrets = settings.ShowSecrets && path is null,
            });

            if (path is null)
            {
                await env.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                using var buffer = new MemoryStream();
                var shown = settings.ShowSecrets && format == ReportFormat.Console ? SecretReveal.Apply(result, env) : result;
                await writer.WriteAsync(shown, buffer, cancellationToken).ConfigureAwait(false);
                buffer.Position = 0;
                using var reader = new StreamReader(buffer);
                await env.Out.WriteAsync(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                await env.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                var directory = Path.GetDirectoryName(path);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
                await using (stream.ConfigureAwait(false))
                {
                    await writer.WriteAsync(result, stream, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{path}: cannot write the {format.ToString().ToLowerInvariant()} report: {ex.Message}");
            }
        }
    }

    private static ReportFormat FormatFromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => ReportFormat.Json,
        ".sarif" => ReportFormat.Sarif,
        ".md" or ".markdown" => ReportFormat.Markdown,
        ".xml" => ReportFormat.Junit,
        ".txt" or ".log" => ReportFormat.Console,
        _ => throw new UsageException($"cannot tell the report format of '{path}' from its extension; add --format"),
    };
}
