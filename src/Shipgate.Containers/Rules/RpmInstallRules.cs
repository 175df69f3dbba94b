using Shipgate.Containers.Dockerfiles;

namespace Shipgate.Containers.Rules;

/// <summary>
/// Shared logic for the yum, dnf, microdnf and zypper rules: which commands install, whether -y is given, whether
/// packages carry versions, and whether the RUN cleans the cache after installing. Stateless.
/// </summary>
internal abstract class RpmInstallRule : DockerfileRule
{
    protected static readonly string[] YumInstallVerbs = ["install", "in", "groupinstall", "localinstall", "reinstall"];
    protected static readonly string[] ZypperInstallVerbs = ["install", "in", "remove", "rm", "source-install", "si", "patch", "update", "up"];

    protected static (string Verb, List<string> Packages, bool IsModule) Parse(ShellCommand command, string[] optionsWithValue)
    {
        var args = PackageCommands.Positionals(command.Arguments, optionsWithValue);
        if (args.Count == 0)
        {
            return ("", [], false);
        }

        if (args[0] == "module" && args.Count > 1)
        {
            return (args[1], args.Skip(2).ToList(), true);
        }

        return (args[0], args.Skip(1).ToList(), false);
    }

    /// <summary>rpm-style pin: 'name-1.2.3', 'name-1:2.3-4.el8', a local .rpm, or a module stream 'nodejs:18'.</summary>
    protected static bool IsRpmPinned(string package, bool isModule)
    {
        if (package.EndsWith(".rpm", StringComparison.Ordinal) || package.StartsWith('$') || package.StartsWith('/') || package.StartsWith('.') || package.StartsWith('@'))
        {
            return true;
        }

        if (isModule)
        {
            return package.Contains(':', StringComparison.Ordinal);
        }

        for (var i = 0; i + 1 < package.Length; i++)
        {
            if (package[i] == '-' && char.IsAsciiDigit(package[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a command after <paramref name="index"/> cleans the cache: '&lt;tool&gt; clean all' or rm of one of the cache paths.</summary>
    protected static bool CleansAfter(IReadOnlyList<ShellCommand> commands, int index, string[] tools, string[] cleanVerbs, string[] cachePaths)
    {
        for (var i = index + 1; i < commands.Count; i++)
        {
            var command = commands[i];
            if (command.Is(tools) && command.Positionals().Select(a => a.Value).Take(1).Any(v => cleanVerbs.Contains(v)))
            {
                return true;
            }

            if (command.Is("rm") && command.Args.Any(a => cachePaths.Any(p => a.StartsWith(p, StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }
}
