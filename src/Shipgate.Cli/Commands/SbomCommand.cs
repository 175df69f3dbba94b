using System.CommandLine;
using Shipgate.Dependencies.Sbom;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate sbom [PATH] [--format cyclonedx|spdx] [--output FILE] [--lockfile FORMAT:PATH]... [--no-dev]</c>: a
/// software bill of materials of the packages the lockfiles pin. The document is written even when some lockfiles could
/// not be read; those are listed on stderr and the exit code is 2, because the SBOM is then incomplete.
/// </summary>
internal static class SbomCommand
{
    public static Command Create(CliServices services)
    {
        var path = new Argument<string?>("PATH") { Description = "File or directory to search for lockfiles by name (default: the current directory).", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<SbomFormat>("--format", "-f")
        {
            Description = "cyclonedx (CycloneDX 1.6 JSON, default) or spdx (SPDX 2.3 JSON).",
            CustomParser = result => result.Tokens.Count == 0 ? SbomFormat.CycloneDx : result.Tokens[0].Value.ToLowerInvariant() switch
            {
                "cyclonedx" or "cdx" => SbomFormat.CycloneDx,
                "spdx" => SbomFormat.Spdx,
                var other => Fail(result, $"unknown SBOM format '{other}'; valid: cyclonedx, spdx"),
            },
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write the SBOM to this file instead of standard output." };
        var lockfile = new Option<string[]>("--lockfile", "-L") { Description = "A lockfile to include, as FORMAT:PATH or PATH. Repeatable.", AllowMultipleArgumentsPerToken = false };
        var noDev = new Option<bool>("--no-dev") { Description = "Leave out packages the lockfile marks as only needed for development." };
        var command = new Command("sbom", "Write a software bill of materials (CycloneDX or SPDX JSON) of the packages the lockfiles pin.") { path, format, output, lockfile, noDev };
        command.SetAction((result, token) => RunAsync(services, result.GetValue(path), result.GetValue(format), result.GetValue(output), result.GetValue(lockfile) ?? [], result.GetValue(noDev), token));
        return command;
    }

    private static SbomFormat Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return SbomFormat.CycloneDx;
    }

    private static async Task<int> RunAsync(CliServices services, string? path, SbomFormat format, string? output, string[] lockfiles, bool noDev, CancellationToken token)
    {
        var env = services.Environment;
        var inventory = DepsCommand.Read(env, path, lockfiles);
        var packages = noDev ? inventory.Packages.Where(p => p.Dev != true) : inventory.Packages;
        var target = env.Resolve(path ?? ".");
        var subject = Path.GetFileName(Directory.Exists(target) ? target.TrimEnd(Path.DirectorySeparatorChar) : Path.GetDirectoryName(target) ?? target);
        var info = new SbomDocumentInfo(subject.Length == 0 ? "project" : subject, env.Time.GetUtcNow(), Guid.NewGuid(), services.Tool.Name, services.Tool.Version);
        var graph = SbomGraph.Build(packages);

        Stream stream = output is null ? new MemoryStream() : File.Create(env.Resolve(output));
        await using (stream.ConfigureAwait(false))
        {
            switch (format)
            {
                case SbomFormat.CycloneDx:
                    await CycloneDxWriter.WriteAsync(graph, info, stream, token).ConfigureAwait(false);
                    break;
                case SbomFormat.Spdx:
                    await SpdxWriter.WriteAsync(graph, info, stream, token).ConfigureAwait(false);
                    break;
                default:
                    throw new UsageException($"unsupported SBOM format {format}");
            }

            if (stream is MemoryStream buffer)
            {
                await env.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
            }
        }

        foreach (var error in inventory.Errors)
        {
            await env.Error.WriteLineAsync($"shipgate: {error}").ConfigureAwait(false);
        }

        return inventory.Errors.Count > 0 ? (int)ExitCode.UsageOrInputError : (int)ExitCode.Success;
    }
}
