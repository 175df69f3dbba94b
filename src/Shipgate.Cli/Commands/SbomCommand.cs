using System.CommandLine;
using Shipgate.Cli.Configuration;
using Shipgate.Core;
using Shipgate.Dependencies.Osv;
using Shipgate.Dependencies.Sbom;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate sbom [PATH] [--format cyclonedx|spdx] [--output FILE] [--lockfile FORMAT:PATH]... [--no-dev]
/// [--vulnerabilities [--db FILE]]</c>: a software bill of materials of the packages the lockfiles pin, for CycloneDX
/// optionally with the components' known vulnerabilities from the offline OSV database (found like <c>scan</c> finds
/// it: <c>--db</c>, <c>SHIPGATE_OSV_DB</c>, <c>dependencies.database</c> of <c>.shipgate.yml</c>, the user cache; a
/// missing or unreadable database is an error). The document is written even when some lockfiles could not be read;
/// those are listed on stderr and the exit code is 2, because the SBOM is then incomplete.
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
        var vulnerabilities = new Option<bool>("--vulnerabilities")
        {
            Description = "Add the components' known vulnerabilities from the offline OSV database (CycloneDX only; see --db).",
        };
        var advisories = new AdvisoryOptions();
        var command = new Command("sbom", "Write a software bill of materials (CycloneDX or SPDX JSON) of the packages the lockfiles pin.") { path, format, output, lockfile, noDev, vulnerabilities };
        advisories.AddTo(command, withOnline: false);
        command.SetAction((result, token) => RunAsync(
            services,
            new SbomSettings(result.GetValue(path), result.GetValue(format), result.GetValue(output), result.GetValue(lockfile) ?? [], result.GetValue(noDev), result.GetValue(vulnerabilities), result.GetValue(advisories.Db)),
            token));
        return command;
    }

    private static SbomFormat Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return SbomFormat.CycloneDx;
    }

    private static async Task<int> RunAsync(CliServices services, SbomSettings settings, CancellationToken token)
    {
        var (path, format, output, lockfiles, noDev, _, _) = settings;
        if (settings.Vulnerabilities && format != SbomFormat.CycloneDx)
        {
            throw new UsageException("--vulnerabilities needs --format cyclonedx: SPDX 2.3 has no place for vulnerabilities");
        }

        if (settings.Db is not null && !settings.Vulnerabilities)
        {
            throw new UsageException("--db is only read with --vulnerabilities");
        }

        var env = services.Environment;
        var target = env.Resolve(path ?? ".");
        using var scope = settings.Vulnerabilities ? OpenAdvisories(services, settings.Db, target) : null;
        var inventory = DepsCommand.Read(env, path, lockfiles);
        var packages = noDev ? inventory.Packages.Where(p => p.Dev != true) : inventory.Packages;
        var subject = Path.GetFileName(Directory.Exists(target) ? target.TrimEnd(Path.DirectorySeparatorChar) : Path.GetDirectoryName(target) ?? target);
        var info = new SbomDocumentInfo(subject.Length == 0 ? "project" : subject, env.Time.GetUtcNow(), Guid.NewGuid(), services.Tool.Name, services.Tool.Version);
        var graph = SbomGraph.Build(packages);
        IReadOnlyList<CdxVulnerability>? vulnerabilities = null;
        if (scope is not null)
        {
            try
            {
                vulnerabilities = await CycloneDxVulnerabilities.MatchAsync(graph, scope.Advisories.Source, scope.UnscoredPolicy, token).ConfigureAwait(false);
            }
            catch (OsvStoreException ex)
            {
                throw new UsageException(ex.Message, ex);
            }
        }

        Stream stream = output is null ? new MemoryStream() : File.Create(env.Resolve(output));
        await using (stream.ConfigureAwait(false))
        {
            switch (format)
            {
                case SbomFormat.CycloneDx:
                    await CycloneDxWriter.WriteAsync(graph, info, stream, token, vulnerabilities).ConfigureAwait(false);
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

        if (scope is not null)
        {
            await scope.Advisories.WarnAsync(env.Error).ConfigureAwait(false);
        }

        foreach (var error in inventory.Errors)
        {
            await env.Error.WriteLineAsync($"shipgate: {error}").ConfigureAwait(false);
        }

        return inventory.Errors.Count > 0 ? (int)ExitCode.UsageOrInputError : (int)ExitCode.Success;
    }

    /// <summary>
    /// The database (required) and the DEP001 <c>unscored-severity</c> option, from <c>.shipgate.yml</c> in the SBOM's
    /// folder (else the working directory) as <c>scan</c> reads them.
    /// </summary>
    private static VulnerabilityScope OpenAdvisories(CliServices services, string? db, string target)
    {
        var env = services.Environment;
        var config = ConfigLoader.Load(null, Directory.Exists(target) ? target : env.WorkingDirectory, () => services.AllRules);
        var policy = Severity.Medium;
        var deps = services.ScannersFor(new HashSet<Category> { Category.Deps }).SelectMany(s => s.Rules).Select(r => r.Metadata);
        if (deps.FirstOrDefault(r => r.Id == "DEP001") is { } rule
            && new RuleSettings(options: config.RuleOptions).Option(rule, "unscored-severity") is { } text
            && EnumNames.TryParseSeverity(text, out var configured))
        {
            policy = configured;
        }

        return new VulnerabilityScope(AdvisoryScope.Open(new AdvisorySettings(db, false, null), env, null, config.OsvDatabase, required: true), policy);
    }

    private sealed record SbomSettings(string? Path, SbomFormat Format, string? Output, string[] Lockfiles, bool NoDev, bool Vulnerabilities, string? Db);

    private sealed record VulnerabilityScope(AdvisoryScope Advisories, Severity UnscoredPolicy) : IDisposable
    {
        public void Dispose() => Advisories.Dispose();
    }
}
