using System.CommandLine;
using Shipgate.Cli.Gate;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate scan [PATH...]</c>: every scanner that claims a file runs on it.</summary>
internal static class ScanCommand
{
    public static Command Create(CliServices services)
    {
        var options = new ScanOptionSet();
        var command = new Command("scan", "Scan files and directories for secrets, insecure CI workflows, vulnerable dependencies, Dockerfile and IaC problems. " + CliApp.ExitCodeHelp);
        options.AddTo(command);
        var noDev = new Option<bool>("--no-dev") { Description = "Leave packages that are only needed for development out of the dependency rules." };
        command.Options.Add(noDev);
        var advisories = new AdvisoryOptions();
        advisories.AddTo(command, withOnline: true);
        var check = new GateCheckOptions();
        check.AddTo(command);
        command.SetAction(async (result, token) =>
        {
            var runner = new ScanRunner(services);
            var settings = options.Read(result) with { NoDev = result.GetValue(noDev), Advisories = advisories.Read(result) };
            var exit = await runner.ScanAndReportAsync(settings, token).ConfigureAwait(false);
            return await check.ReportAsync(result, services.Environment, exit, runner.LastResult, token).ConfigureAwait(false);
        });
        return command;
    }
}
