namespace Shipgate.Containers.Dockerfiles;

/// <summary>
/// Facts about package-manager commands shared by the hygiene rules: subcommands, the package arguments (option
/// values skipped), whether a RUN cleans up after itself, and whether a stage ends up in a shipped image. Pure.
/// </summary>
internal static class PackageCommands
{
    public static readonly string[] AptGetOptionsWithValue = ["-o", "-c", "-t", "--target-release", "--option", "--config-file"];
    public static readonly string[] ApkOptionsWithValue = ["-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file"];
    public static readonly string[] YumOptionsWithValue = ["-c", "--config", "-d", "--debuglevel", "-e", "--errorlevel", "--installroot", "--enablerepo", "--disablerepo", "--releasever", "--setopt", "-x", "--exclude", "--repo", "--repoid", "--downloaddir", "--destdir"];
    public static readonly string[] ZypperOptionsWithValue = ["-r", "--repo", "-t", "--type", "--from", "-R", "--root", "-D", "--reposd-dir", "-C", "--cache-dir", "--download"];
    public static readonly string[] PipOptionsWithValue =
    [
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target",
        "--prefix", "--root", "--src", "--trusted-host", "--platform", "--python-version", "--implementation", "--abi", "--upgrade-strategy",
        "--progress-bar", "--cache-dir", "--log", "--timeout", "--retries", "--proxy", "--cert", "--client-cert", "--exists-action", "-C",
        "--config-settings", "--global-option", "--install-option", "--only-binary", "--no-binary", "--report",
    ];

    /// <summary>The package-manager command as its own program, with <c>python -m pip</c> folded into <c>pip</c>.</summary>
    public static bool IsPip(ShellCommand command, out IReadOnlyList<ShellWord> arguments)
    {
        arguments = command.Arguments;
        if (IsPipName(command.Name))
        {
            return true;
        }

        if (command.Name.StartsWith("python", StringComparison.Ordinal) && command.Arguments.Count >= 2 && command.Arguments[0].Value == "-m" && IsPipName(command.Arguments[1].Value))
        {
            arguments = command.Arguments.Skip(2).ToList();
            return true;
        }

        return false;
    }

    private static bool IsPipName(string name) =>
        name == "pip" || (name.StartsWith("pip", StringComparison.Ordinal) && name.Length > 3 && name[3..].All(c => char.IsAsciiDigit(c) || c == '.'));

    /// <summary>Positional values of a word list, skipping options and the values of the listed options.</summary>
    public static List<string> Positionals(IReadOnlyList<ShellWord> arguments, string[] optionsWithValue)
    {
        var result = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i].Value;
            if (value.Length > 1 && value[0] == '-')
            {
                if (optionsWithValue.Contains(value))
                {
                    i++;
                }

                continue;
            }

            result.Add(value);
        }

        return result;
    }

    /// <summary>True when the instruction's stage ends up in an image: the last stage, a stage later stages build on, or a fragment.</summary>
    public static bool IsShipped(Dockerfile document, Instruction instruction)
    {
        if (document.StageOf(instruction) is not { } stage)
        {
            return true;
        }

        return stage == document.FinalStage || IsAncestorOfLaterStage(document, stage);
    }

    private static bool IsAncestorOfLaterStage(Dockerfile document, Stage stage)
    {
        foreach (var other in document.Stages)
        {
            for (var parent = other.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent == stage)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether a RUN has a BuildKit cache mount whose target starts with <paramref name="path"/>.</summary>
    public static bool HasCacheMount(Instruction run, string path) =>
        run.Flags.Any(f => f.Name == "mount" && f.Value is { } v && v.Contains("type=cache", StringComparison.Ordinal)
            && (v.Contains("target=" + path, StringComparison.Ordinal) || v.Contains("dst=" + path, StringComparison.Ordinal) || v.Contains("destination=" + path, StringComparison.Ordinal)));

    /// <summary>True when some command at or after <paramref name="index"/> is <c>rm</c> of a path under <paramref name="prefix"/>.</summary>
    public static bool RemovesAfter(IReadOnlyList<ShellCommand> commands, int index, string prefix) =>
        commands.Skip(index).Any(c => c.Is("rm") && c.Args.Any(a => a.StartsWith(prefix, StringComparison.Ordinal)));

    /// <summary>The index of the first command matching <paramref name="predicate"/>, or -1.</summary>
    public static int IndexOf(IReadOnlyList<ShellCommand> commands, Func<ShellCommand, bool> predicate)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            if (predicate(commands[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
