using System.Diagnostics;
using System.Reflection;
using System.Text;
using Shipgate.Testing;

namespace Shipgate.Cli.Tests.Support;

/// <summary>Runs the built <c>shipgate.dll</c> as a real process through <c>dotnet</c>, with chosen environment variables.</summary>
public static class ShipgateProcess
{
    /// <summary>The CLI assembly built in the same configuration as this test assembly.</summary>
    public static string Dll { get; } = Path.Combine(SourceTree.RepositoryRoot, "src", "Shipgate.Cli", "bin",
        typeof(ShipgateProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release", "net10.0", "shipgate.dll");

    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A clean CI context: only what the test sets.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.Ordinal) || k.StartsWith("CI_", StringComparison.Ordinal)
            || k.StartsWith("SHIPGATE_", StringComparison.Ordinal) || k is "GITLAB_CI" or "GITLAB_USER_LOGIN").ToArray())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
    }

    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        return await CompleteAsync(process, TimeSpan.FromMinutes(2));
    }

    public static async Task<CliRun> CompleteAsync(Process process, TimeSpan timeout)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"shipgate did not exit within {timeout}: {await stderr}");
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
