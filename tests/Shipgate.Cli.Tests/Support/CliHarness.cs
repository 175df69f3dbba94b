using Shipgate.Core;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;

namespace Shipgate.Cli.Tests.Support;

/// <summary>Runs the real command line in-process with captured output, as a user would run it in a given working directory.</summary>
public static class CliHarness
{
    public static CliRun Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    public static CliRun Run(string workingDirectory, IReadOnlyList<IScanner>? scanners, params string[] args) =>
        RunAsync(workingDirectory, scanners, stdin: null, args).GetAwaiter().GetResult();

    public static Task<CliRun> RunAsync(string workingDirectory, IReadOnlyList<IScanner>? scanners, byte[]? stdin, params string[] args) =>
        RunWithAsync(workingDirectory, env => scanners is null ? Program.CreateServices(env) : new CliServices(env, scanners, Program.CurrentTool()), stdin, args);

    /// <summary>Runs the command line with the services <paramref name="services"/> makes for the test environment.</summary>
    internal static async Task<CliRun> RunWithAsync(string workingDirectory, Func<CliEnvironment, CliServices> services, byte[]? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment
        {
            Out = output,
            Error = error,
            OpenStandardInput = () => new MemoryStream(stdin ?? []),
            WorkingDirectory = workingDirectory,
            // A cache folder inside the test's own folder: never the real user cache (no vulnerability database unless a test imports one).
            GetEnvironmentVariable = name => name switch { "CI" => "true", "XDG_CACHE_HOME" => System.IO.Path.Combine(workingDirectory, ".test-cache"), _ => null },
        };
        var exit = await CliApp.RunAsync(args, services(env)).ConfigureAwait(false);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}

public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>A generated secret: the line that holds it, the value, and the rule that must report it.</summary>
public sealed record SecretSample(string Line, string Secret, string RuleId, string RuleName);

/// <summary>Secret samples made now, from the rules' own generators, so no realistic token is committed.</summary>
public static class SecretSamples
{
    private static readonly IReadOnlyList<SecretPattern> Rules = SecretRuleCatalog.Create();

    /// <summary>A source line holding a fresh secret for the first rule matching <paramref name="pick"/>.</summary>
    public static SecretSample For(Func<SecretPattern, bool> pick)
    {
        var rule = Rules.First(pick);
        var detector = new SecretDetector(Rules);
        foreach (var line in rule.TruePositives())
        {
            if (!line.Contains('\n', StringComparison.Ordinal) && detector.Detect(line).FirstOrDefault(m => m.Rule == rule) is { } match)
            {
                return new SecretSample(line, match.Secret, rule.Metadata.Id, rule.Metadata.Name);
            }
        }

        throw new InvalidOperationException($"{rule.Metadata.Id} has no single-line true positive");
    }

    /// <summary>A GitHub classic personal access token (<c>ghp_</c>), whichever rule id it has.</summary>
    public static SecretSample GitHubToken() => For(r => r.Keywords.Contains("ghp_"));
}
