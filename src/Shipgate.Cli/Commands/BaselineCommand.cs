using System.CommandLine;
using Shipgate.Core;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate baseline create [PATH] --output FILE</c>: accept today's findings so only new ones fail the build.</summary>
internal static class BaselineCommand
{
    public static Command Create(CliServices services)
    {
        var options = new ScanOptionSet();
        var output = new Option<string>("--output", "-o") { Description = "Baseline file to write.", Required = true };
        var create = new Command("create", "Scan and write every current finding's fingerprint to a baseline file.");
        options.AddTo(create, withReports: false);
        create.Options.Add(output);
        create.SetAction((result, token) => CreateAsync(services, options.Read(result), result.GetValue(output)!, token));
        return new Command("baseline", "Manage baseline files of accepted findings.") { create };
    }

    private static async Task<int> CreateAsync(CliServices services, ScanSettings settings, string output, CancellationToken token)
    {
        var env = services.Environment;
        var runner = new ScanRunner(services);

        // A new baseline records everything found now, including what an older baseline already accepted.
        var options = runner.BuildOptions(settings) with { Baseline = null };
        var result = await services.CreateEngine(options.Only).RunAsync(options, token).ConfigureAwait(false);
        if (result.FilesScanned == 0 && result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                await env.Error.WriteLineAsync($"shipgate: {error}").ConfigureAwait(false);
            }

            return (int)ExitCode.UsageOrInputError;
        }

        var baseline = Baseline.FromFindings(result.Findings);
        var path = env.Resolve(output);
        try
        {
            var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
            await using (stream.ConfigureAwait(false))
            {
                baseline.Write(stream);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot write the baseline: {ex.Message}");
        }

        if (!settings.Quiet)
        {
            await env.Error.WriteLineAsync($"shipgate: wrote {baseline.Count} fingerprint(s) from {result.Findings.Count} finding(s) to {output}").ConfigureAwait(false);
        }

        foreach (var error in result.Errors)
        {
            await env.Error.WriteLineAsync($"shipgate: {error}").ConfigureAwait(false);
        }

        return (int)ExitCode.Success;
    }
}
