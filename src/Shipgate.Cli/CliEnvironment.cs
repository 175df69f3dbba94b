namespace Shipgate.Cli;

/// <summary>
/// What the process gives the CLI: standard streams, the working directory, environment variables and the clock.
/// Tests build their own so commands run in-process with captured output.
/// </summary>
internal sealed record CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required Func<Stream> OpenStandardInput { get; init; }

    public required string WorkingDirectory { get; init; }

    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>True when stderr is an interactive terminal (progress bars are drawn only then).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>True when stdout is an interactive terminal (colours are used only then, unless NO_COLOR).</summary>
    public bool OutputIsTerminal { get; init; }

    public bool IsCi => string.Equals(GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || GetEnvironmentVariable("GITHUB_ACTIONS") is not null || GetEnvironmentVariable("GITLAB_CI") is not null;

    public bool NoColor => GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };

    public static CliEnvironment FromProcess() => new()
    {
        Out = Output.StandardStreams.Output(),
        Error = Output.StandardStreams.Error(),
        OpenStandardInput = Console.OpenStandardInput,
        WorkingDirectory = Directory.GetCurrentDirectory(),
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        OutputIsTerminal = !Console.IsOutputRedirected,
    };

    /// <summary>Resolves a user-given path against the working directory.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);
}
