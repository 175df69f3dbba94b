using System.CommandLine;
using System.Globalization;
using Shipgate.Dependencies;
using Shipgate.Dependencies.Lockfiles;
using Shipgate.Dependencies.Output;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate deps list [PATH] [--lockfile FORMAT:PATH]... [--format table|json] [--output FILE]</c>: the packages
/// the lockfiles and manifests pin. Exit 0 when it ran (also when some files could not be parsed; they are listed
/// under errors), 2 for a usage mistake.
/// </summary>
internal static class DepsCommand
{
    public enum ListFormat
    {
        Table,
        Json,
    }

    public static Command Create(CliServices services)
    {
        var path = new Argument<string?>("PATH") { Description = "File or directory to search for lockfiles by name.", Arity = ArgumentArity.ZeroOrOne };
        var lockfile = new Option<string[]>("--lockfile", "-L")
        {
            Description = "A lockfile to read, as FORMAT:PATH (FORMAT is the format's usual file name, e.g. package-lock.json, csproj) or just PATH. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<ListFormat>("--format", "-f") { Description = "table (default) or json." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the list to this file instead of standard output." };
        var noDev = new Option<bool>("--no-dev") { Description = "Leave out packages the lockfile marks as only needed for development." };
        var list = new Command("list", "List the packages that lockfiles and manifests pin.") { path, lockfile, format, output, noDev };
        list.SetAction((result, token) => ListAsync(
            services, result.GetValue(path), result.GetValue(lockfile) ?? [], result.GetValue(format), result.GetValue(output), result.GetValue(noDev), token));
        return new Command("deps", "Inspect dependencies declared in lockfiles and manifests.") { list };
    }

    private static async Task<int> ListAsync(CliServices services, string? path, string[] lockfiles, ListFormat format, string? output, bool noDev, CancellationToken token)
    {
        var inventory = Read(services.Environment, path, lockfiles);
        if (noDev)
        {
            inventory = inventory with { Packages = [.. inventory.Packages.Where(p => p.Dev != true)] };
        }

        var env = services.Environment;
        if (output is not null)
        {
            var stream = File.Create(env.Resolve(output));
            await using (stream.ConfigureAwait(false))
            {
                await WriteAsync(inventory, format, stream, null, env, token).ConfigureAwait(false);
            }
        }
        else
        {
            await WriteAsync(inventory, format, null, env.Out, env, token).ConfigureAwait(false);
        }

        foreach (var error in inventory.Errors)
        {
            await env.Error.WriteLineAsync($"shipgate: {error}").ConfigureAwait(false);
        }

        return (int)ExitCode.Success;
    }

    /// <summary>Reads the lockfiles named with --lockfile and those found under PATH (the working directory by default).</summary>
    internal static DependencyInventory Read(CliEnvironment env, string? path, IReadOnlyList<string> lockfiles)
    {
        var files = new PhysicalFileReader(env.WorkingDirectory);
        var formats = LockfileFormats.Create(files);
        var requests = new List<LockfileRequest>();
        foreach (var spec in lockfiles)
        {
            requests.Add(ParseLockfileOption(spec, formats));
        }

        if (path is not null || requests.Count == 0)
        {
            var target = path ?? ".";
            var full = env.Resolve(target);
            if (Directory.Exists(full))
            {
                var prefix = path is null or "." or "./" ? "" : target;
                requests.AddRange(LockfileReader.Discover(full, prefix, formats));
            }
            else if (File.Exists(full))
            {
                var detected = formats.Detect(target) ?? throw new UsageException($"'{target}' is not a known lockfile name; name its format with --lockfile FORMAT:{target}");
                requests.Add(new LockfileRequest(detected, target));
            }
            else
            {
                throw new UsageException($"path '{target}' does not exist");
            }
        }

        return new LockfileReader(files).Read(requests);
    }

    private static LockfileRequest ParseLockfileOption(string spec, LockfileFormats formats)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && formats.Find(spec[..colon]) is { } named)
        {
            return new LockfileRequest(named, spec[(colon + 1)..]);
        }

        if (colon > 1 && !Path.IsPathRooted(spec))
        {
            var known = string.Join(", ", formats.All.Select(f => f.Name));
            throw new UsageException($"unknown lockfile format '{spec[..colon]}' in --lockfile {spec}; known formats: {known}");
        }

        return formats.Detect(spec) is { } detected
            ? new LockfileRequest(detected, spec)
            : throw new UsageException($"cannot tell the format of '{spec}' from its name; write --lockfile FORMAT:{spec}");
    }

    private static async Task WriteAsync(DependencyInventory inventory, ListFormat format, Stream? stream, TextWriter? writer, CliEnvironment env, CancellationToken token)
    {
        switch (format)
        {
            case ListFormat.Json:
                if (stream is not null)
                {
                    await PackageListJson.WriteAsync(inventory, stream, token).ConfigureAwait(false);
                }
                else
                {
                    using var buffer = new MemoryStream();
                    await PackageListJson.WriteAsync(inventory, buffer, token).ConfigureAwait(false);
                    await writer!.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
                }

                break;
            case ListFormat.Table:
                var target = writer ?? new StreamWriter(stream!, leaveOpen: true);
                WriteTable(inventory, env with { Out = target, OutputIsTerminal = writer is not null && env.OutputIsTerminal });
                await target.FlushAsync(token).ConfigureAwait(false);
                if (writer is null)
                {
                    await target.DisposeAsync().ConfigureAwait(false);
                }

                break;
            default:
                throw new UsageException($"unsupported format {format}");
        }
    }

    private static void WriteTable(DependencyInventory inventory, CliEnvironment env)
    {
        var console = RulesCommand.PlainConsole(env);
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in new[] { "Name", "Version", "Ecosystem", "Scope", "Source" })
        {
            table.AddColumn(header);
        }

        foreach (var package in inventory.Packages)
        {
            var scope = string.Join(", ", new[]
            {
                package.Direct switch { true => "direct", false => "transitive", null => null },
                package.Dev == true ? "dev" : null,
                package.Optional ? "optional" : null,
            }.Where(s => s is not null));
            var source = package.Line is { } line ? $"{package.SourcePath}:{line.ToString(CultureInfo.InvariantCulture)}" : package.SourcePath;
            table.AddRow(Markup.Escape(package.Name), Markup.Escape(package.Version), package.Ecosystem.OsvName(), scope, Markup.Escape(source));
        }

        console.Write(table);
        console.WriteLine($"{inventory.Packages.Count.ToString(CultureInfo.InvariantCulture)} packages from {inventory.Packages.Select(p => p.SourcePath).Distinct(StringComparer.Ordinal).Count().ToString(CultureInfo.InvariantCulture)} files; {inventory.Errors.Count.ToString(CultureInfo.InvariantCulture)} errors.");
    }
}
