using System.Diagnostics;

namespace Shipgate.Cli.Hooks;

/// <summary>
/// Installs and removes Shipgate's git hooks. An existing hook is never clobbered: it is kept beside
/// ours as <c>NAME.shipgate-previous</c> and run after our check passes; uninstall puts it back.
/// </summary>
internal sealed class HookInstaller(string workingDirectory)
{
    public const string Marker = "# shipgate-hook v1";
    public const string PreviousSuffix = ".shipgate-previous";

    public string Install(HookKind kind, string shipgateCommand)
    {
        var path = Path.Combine(HooksDirectory(), kind.FileName());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            if (IsOurs(path))
            {
                File.WriteAllText(path, Script(kind, shipgateCommand));
                return $"updated the {kind.FileName()} hook at {path}";
            }

            var previous = path + PreviousSuffix;
            if (File.Exists(previous))
            {
                throw new UsageException($"{previous} already exists; remove it or run 'shipgate hook uninstall' first");
            }

            File.Move(path, previous);
            WriteExecutable(path, Script(kind, shipgateCommand));
            return $"installed the {kind.FileName()} hook at {path} (the existing hook runs after it, from {Path.GetFileName(previous)})";
        }

        WriteExecutable(path, Script(kind, shipgateCommand));
        return $"installed the {kind.FileName()} hook at {path}";
    }

    public string Uninstall(HookKind kind)
    {
        var path = Path.Combine(HooksDirectory(), kind.FileName());
        if (!File.Exists(path) || !IsOurs(path))
        {
            return $"no Shipgate {kind.FileName()} hook is installed";
        }

        File.Delete(path);
        var previous = path + PreviousSuffix;
        if (File.Exists(previous))
        {
            File.Move(previous, path);
            return $"removed the {kind.FileName()} hook and restored the previous one";
        }

        return $"removed the {kind.FileName()} hook";
    }

    /// <summary>The command line a hook uses to call this very Shipgate (a tool install, a single file, or <c>dotnet shipgate.dll</c>).</summary>
    public static string CurrentCommand()
    {
        var process = Environment.ProcessPath ?? "shipgate";
        var assembly = typeof(HookInstaller).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase) && assembly.Length > 0
            ? $"{Quote(process)} {Quote(assembly)}"
            : Quote(process);
    }

    private static string Script(HookKind kind, string command)
    {
        var check = kind == HookKind.PreCommit
            ? "shipgate_run secrets --staged || exit $?"
            : """
              z40=0000000000000000000000000000000000000000
              input=$(cat)
              printf '%s\n' "$input" | while read -r local_ref local_sha remote_ref remote_sha; do
                [ -z "$local_sha" ] && continue
                [ "$local_sha" = "$z40" ] && continue
                if [ "$remote_sha" = "$z40" ]; then
                  shipgate_run secrets --history || exit $?
                else
                  shipgate_run secrets --history --since "$remote_sha" || exit $?
                fi
              done || exit $?
              """;
        var chain = kind == HookKind.PrePush
            ? "printf '%s\\n' \"$input\" | \"$previous\" \"$@\""
            : "\"$previous\" \"$@\"";
        return $$"""
            #!/bin/sh
            {{Marker}} — installed by 'shipgate hook install'; remove with 'shipgate hook uninstall'.
            if {{FirstWord(command)}} || ! command -v shipgate >/dev/null 2>&1; then
              shipgate_run() { {{command}} "$@"; }
            else
              shipgate_run() { shipgate "$@"; }
            fi
            {{check}}
            previous="$0{{PreviousSuffix}}"
            if [ -x "$previous" ]; then
              {{chain}} || exit $?
            fi
            exit 0

            """.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string FirstWord(string command) =>
        command.StartsWith('\'') ? $"test -x {command[..(command.IndexOf('\'', 1) + 1)]}" : $"test -x {command.Split(' ')[0]}";

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static bool IsOurs(string path) => File.ReadLines(path).Take(3).Any(l => l.StartsWith(Marker, StringComparison.Ordinal));

    private static void WriteExecutable(string path, string content)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    private string HooksDirectory()
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "rev-parse", "--path-format=absolute", "--git-path", "hooks" },
        };
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            var error = process.StandardError.ReadToEnd().Trim();
            process.WaitForExit();
            if (process.ExitCode != 0 || output.Length == 0)
            {
                throw new UsageException($"{workingDirectory}: not a git repository ({error.Split('\n')[0]})");
            }

            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new UsageException("git is not installed or not on PATH");
        }
    }
}

internal enum HookKind
{
    PreCommit,
    PrePush,
}

internal static class HookKindNames
{
    public static string FileName(this HookKind kind) => kind == HookKind.PreCommit ? "pre-commit" : "pre-push";
}
