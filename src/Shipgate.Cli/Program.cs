using System.Reflection;
using System.Runtime.InteropServices;
using Shipgate.Containers;
using Shipgate.Containers.Images;
using Shipgate.Core;
using Shipgate.Dependencies;
using Shipgate.Iac;
using Shipgate.Iac.Kubernetes;
using Shipgate.Secrets;
using Shipgate.Secrets.Rules;
using Shipgate.Workflows;

namespace Shipgate.Cli;

/// <summary>The composition root: builds the scanners, the tool identity and the environment, then runs the command line.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();

        // Ctrl+C cancels the scan (exit 130) instead of killing the process. A signal registration rather than
        // Console.CancelKeyPress, which sets up the whole console first (~15 ms of every run; bench/README.md, start-up).
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });

        return await CliApp.RunAsync(args, CreateServices(CliEnvironment.FromProcess()), cancellation.Token).ConfigureAwait(false);
    }

    /// <summary>Every domain scanner, in category order, built when a command first needs it. A new domain is one more line here.</summary>
    public static IReadOnlyList<ScannerFactory> ScannerFactories() =>
    [
        new(Category.Secrets, () => new SecretsScanner(SecretRuleCatalog.Create())),
        new(Category.Workflows, () => new WorkflowsScanner()),
        new(Category.Deps, () => new DependencyScanner()),
        new(Category.Docker, () => new DockerfileScanner()),
        new(Category.Iac, () => new KubernetesScanner()),
        new(Category.Iac, () => new CloudInfrastructureScanner()),
        new(Category.Docker, () => new ImageScanner()),
    ];

    /// <summary>Every domain scanner, built now.</summary>
    public static IReadOnlyList<IScanner> CreateScanners() => [.. ScannerFactories().Select(f => f.Create())];

    public static CliServices CreateServices(CliEnvironment environment) => new(environment, ScannerFactories(), CurrentTool());

    public static ToolInfo CurrentTool()
    {
        var informational = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? new ToolInfo("shipgate", informational)
            : new ToolInfo("shipgate", informational[..plus], informational[(plus + 1)..][..Math.Min(12, informational.Length - plus - 1)]);
    }
}
