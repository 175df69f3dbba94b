using System.CommandLine;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate version</c>: the version and the commit it was built from.</summary>
internal static class VersionCommand
{
    public static Command Create(CliServices services)
    {
        var command = new Command("version", "Print the version and commit.");
        command.SetAction(async (_, token) =>
        {
            var tool = services.Tool;
            var text = tool.Commit is null ? $"{tool.Name} {tool.Version}" : $"{tool.Name} {tool.Version} (commit {tool.Commit})";
            await services.Environment.Out.WriteLineAsync(text.AsMemory(), token).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
