using System.Diagnostics;
using System.Globalization;
using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

/// <summary>
/// The real process's standard streams and Ctrl+C, which Shipgate handles without <see cref="Console"/>
/// (Output/StandardStreams.cs): UTF-8 out, a reader that goes away is no error, an interrupt cancels.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProcessStreamsTests : IDisposable
{
    private static readonly Dictionary<string, string> NoVariables = [];
    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task Output_IsUtf8()
    {
        var run = await ShipgateProcess.RunAsync(dir.Path, NoVariables, "run", "--", "printf", "caf\\303\\251 \\342\\234\\224\\n");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldBe("café ✔\n");
    }

    [Fact]
    public async Task ReaderThatStopsEarly_IsNotAnError()
    {
        // 20,000 lines (~200 KB) are more than a pipe holds, so writes go on after the reader has gone (EPIPE).
        using var process = ShipgateProcess.Start(dir.Path, NoVariables, "run", "--", "sh", "-c", "i=0; while [ $i -lt 20000 ]; do echo line $i; i=$((i+1)); done");
        (await process.StandardOutput.ReadLineAsync()).ShouldBe("line 0");
        process.StandardOutput.Close();

        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            process.Kill(entireProcessTree: true); // only if it hangs
        }

        (await error).ShouldBeEmpty();
        process.ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Interrupt_CancelsWithExitCode130()
    {
        using var process = ShipgateProcess.Start(dir.Path, NoVariables, "run", "--", "sh", "-c", "echo ready; exec sleep 10");
        (await process.StandardOutput.ReadLineAsync()).ShouldBe("ready"); // shipgate is past its start-up: the handler is in place

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var run = await ShipgateProcess.CompleteAsync(process, TimeSpan.FromMinutes(1));
        run.ExitCode.ShouldBe(130, run.ToString());
        run.Error.ShouldBe("shipgate: cancelled\n");
    }
}
