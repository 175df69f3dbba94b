using System.CommandLine;
using Shipgate.Cli.Hooks;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate hook install|uninstall [--pre-push]</c>: a git hook that refuses commits (or pushes) that add secrets.</summary>
internal static class HookCommand
{
    public static Command Create(CliServices services)
    {
        var prePush = new Option<bool>("--pre-push") { Description = "Install a pre-push hook (scans the commits being pushed) instead of pre-commit." };
        var install = new Command("install", "Install a git hook that runs 'shipgate secrets --staged' and refuses the commit on a finding. An existing hook is kept and chained.") { prePush };
        install.SetAction(async (result, token) =>
        {
            var message = new HookInstaller(services.Environment.WorkingDirectory).Install(Kind(result.GetValue(prePush)), HookInstaller.CurrentCommand());
            await services.Environment.Out.WriteLineAsync(message.AsMemory(), token).ConfigureAwait(false);
            return 0;
        });

        var uninstallPrePush = new Option<bool>("--pre-push") { Description = "Remove the pre-push hook instead of pre-commit." };
        var uninstall = new Command("uninstall", "Remove Shipgate's hook and restore the one it chained, if any.") { uninstallPrePush };
        uninstall.SetAction(async (result, token) =>
        {
            var message = new HookInstaller(services.Environment.WorkingDirectory).Uninstall(Kind(result.GetValue(uninstallPrePush)));
            await services.Environment.Out.WriteLineAsync(message.AsMemory(), token).ConfigureAwait(false);
            return 0;
        });

        return new Command("hook", "Manage Shipgate's git hooks.") { install, uninstall };
    }

    private static HookKind Kind(bool prePush) => prePush ? HookKind.PrePush : HookKind.PreCommit;
}
