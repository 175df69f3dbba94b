using System.CommandLine;
using Shipgate.Cli.Commands;
using Shipgate.Cli.Configuration;
using Shipgate.Core;

namespace Shipgate.Cli;

/// <summary>
/// Builds the command tree and runs it. Parse errors and user mistakes exit with 2 and one line on stderr;
/// unexpected exceptions exit with 3 (stack trace only with <c>SHIPGATE_DEBUG=1</c>).
/// </summary>
internal static class CliApp
{
    public const string ExitCodeHelp =
        "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input error, 3 internal error.";

    public static RootCommand BuildRoot(CliServices services)
    {
        var root = new RootCommand("Shipgate: CI/CD security scanner and deployment gate. " + ExitCodeHelp)
        {
            ScanCommand.Create(services),
            SecretsCommand.Create(services),
            RulesCommand.Create(services),
            BaselineCommand.Create(services),
            FixCommand.Create(services),
            PrGuardCommand.Create(services),
            HookCommand.Create(services),
            RunCommand.Create(services),
            DepsCommand.Create(services),
            ImageCommand.Create(services),
            DbCommand.Create(services),
            SbomCommand.Create(services),
            VersionCommand.Create(services),
            ServeCommand.Create(services),
            GateCommand.Create(services),
            DeployCommand.Create(services),
            TokenCommand.Create(services),
            AuditCommand.Create(services),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliServices services, CancellationToken cancellationToken = default)
    {
        var env = services.Environment;
        var root = BuildRoot(services);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await env.Error.WriteLineAsync($"shipgate: {error.Message}").ConfigureAwait(false);
            }

            await env.Error.WriteLineAsync("Run 'shipgate --help' for usage.").ConfigureAwait(false);
            return (int)ExitCode.UsageOrInputError;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false };
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is UsageException or ConfigException or InputFormatException)
        {
            await env.Error.WriteLineAsync($"shipgate: {ex.Message}").ConfigureAwait(false);
            return (int)ExitCode.UsageOrInputError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await env.Error.WriteLineAsync("shipgate: cancelled").ConfigureAwait(false);
            return 130;
        }
#pragma warning disable CA1031 // The last line of defence: report a bug with exit code 3 instead of crashing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await env.Error.WriteLineAsync($"shipgate: internal error: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            if (env.GetEnvironmentVariable("SHIPGATE_DEBUG") is "1" or "true")
            {
                await env.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }
            else
            {
                await env.Error.WriteLineAsync("This is a bug in Shipgate; rerun with SHIPGATE_DEBUG=1 and report the stack trace.").ConfigureAwait(false);
            }

            return (int)ExitCode.InternalError;
        }
    }
}
