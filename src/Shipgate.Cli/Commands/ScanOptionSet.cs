using System.CommandLine;
using Shipgate.Core;
using Shipgate.Reporting;

namespace Shipgate.Cli.Commands;

/// <summary>
/// The options shared by every command that scans (<c>scan</c>, <c>secrets</c>, <c>baseline create</c>),
/// declared once so their names and help never drift apart.
/// </summary>
internal sealed class ScanOptionSet
{
    public Argument<string[]> Paths { get; } = new("PATH")
    {
        Description = "Files or directories to scan (default: the current directory).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Only { get; } = new("--only")
    {
        Description = "Run only these categories (comma-separated or repeated): secrets, workflows, deps, docker, iac.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<ReportFormat[]> Format { get; } = new("--format", "-f")
    {
        Description = "Report format: console, json, sarif, markdown, junit, github. Repeat it, paired in order with --output, to write several reports.",
        CustomParser = EnumOptions.Formats,
    };

    public Option<string[]> Output { get; } = new("--output", "-o")
    {
        Description = "Write the report of the matching --format to this file instead of standard output.",
    };

    public Option<Severity?> FailOn { get; } = new("--fail-on", "--audit-level")
    {
        Description = "Exit with 1 when a finding is at or above this severity: info, low, medium (or moderate), high, critical (default: high). --audit-level is an alias for npm users.",
        CustomParser = EnumOptions.Severity,
    };

    public Option<Confidence?> MinConfidence { get; } = new("--min-confidence")
    {
        Description = "Hide findings below this confidence: low, medium, high (default: low).",
        CustomParser = EnumOptions.Confidence,
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Configuration file (default: .shipgate.yml in the scanned directory).",
    };

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "Baseline file of accepted findings (see 'shipgate baseline create').",
    };

    public Option<bool> NoIgnore { get; } = new("--no-ignore")
    {
        Description = "Do not honour inline suppression comments (shipgate:ignore, gitleaks:allow).",
    };

    public Option<bool> NoGitIgnore { get; } = new("--no-gitignore")
    {
        Description = "Scan files that .gitignore excludes.",
    };

    public Option<string?> Persona { get; } = new("--persona")
    {
        Description = "Workflow audit persona: regular (high-signal only, default), pedantic (adds code smells) or auditor (everything).",
    };

    public Option<bool> IncludeExperimental { get; } = new("--include-experimental")
    {
        Description = "Also run rules that are still experimental.",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "No progress bar, no summary; only findings and errors.",
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "Files scanned in parallel (default: the number of processors).",
    };

    public Option<bool> ShowSecrets { get; } = new("--show-secrets")
    {
        Description = "Show secret values in the console report (never in files). Use with care.",
    };

    public void AddTo(Command command, bool withPaths = true, bool withReports = true)
    {
        if (withPaths)
        {
            command.Arguments.Add(Paths);
            Paths.Validators.Add(result =>
            {
                foreach (var token in result.Tokens)
                {
                    if (token.Value.StartsWith('-') && token.Value.Length > 1)
                    {
                        result.AddError($"unknown option '{token.Value}' (to scan a file whose name starts with '-', write ./{token.Value})");
                    }
                }
            });
        }

        if (withReports)
        {
            command.Options.Add(Format);
            command.Options.Add(Output);
        }

        foreach (Option option in new Option[] { Only, FailOn, MinConfidence, Config, Baseline, NoIgnore, NoGitIgnore, IncludeExperimental, Persona, Quiet, Threads, ShowSecrets })
        {
            command.Options.Add(option);
        }

        Threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError($"--threads must be 0 (all processors) or a positive number, not {result.GetValueOrDefault<int>()}");
            }
        });
    }

    public ScanSettings Read(ParseResult result) => new()
    {
        Paths = result.GetValue(Paths) ?? [],
        Only = ParseCategories(result.GetValue(Only) ?? []),
        Formats = result.GetValue(Format) ?? [],
        Outputs = result.GetValue(Output) ?? [],
        FailOn = result.GetValue(FailOn),
        MinConfidence = result.GetValue(MinConfidence),
        ConfigPath = result.GetValue(Config),
        BaselinePath = result.GetValue(Baseline),
        NoInlineIgnore = result.GetValue(NoIgnore),
        NoGitIgnore = result.GetValue(NoGitIgnore),
        IncludeExperimental = result.GetValue(IncludeExperimental),
        Persona = ParsePersona(result.GetValue(Persona)),
        Quiet = result.GetValue(Quiet),
        Threads = result.GetValue(Threads),
        ShowSecrets = result.GetValue(ShowSecrets),
    };

    private static string? ParsePersona(string? value) =>
        value is null or "regular" or "pedantic" or "auditor"
            ? value
            : throw new UsageException($"unknown persona '{value}' for --persona; valid: regular, pedantic, auditor");

    private static HashSet<Category>? ParseCategories(string[] values)
    {
        if (values.Length == 0)
        {
            return null;
        }

        var set = new HashSet<Category>();
        foreach (var value in values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!EnumNames.TryParseCategory(value, out var category))
            {
                throw new UsageException($"unknown category '{value}' for --only; valid: {string.Join(", ", EnumNames.WireNames<Category>())}");
            }

            set.Add(category);
        }

        return set;
    }
}

/// <summary>The typed, immutable form of the shared scan options after parsing.</summary>
internal sealed record ScanSettings
{
    public IReadOnlyList<string> Paths { get; init; } = [];

    public IReadOnlySet<Category>? Only { get; init; }

    public IReadOnlyList<ReportFormat> Formats { get; init; } = [];

    public IReadOnlyList<string> Outputs { get; init; } = [];

    public Severity? FailOn { get; init; }

    public Confidence? MinConfidence { get; init; }

    public string? ConfigPath { get; init; }

    public string? BaselinePath { get; init; }

    public bool NoInlineIgnore { get; init; }

    public bool NoGitIgnore { get; init; }

    public bool IncludeExperimental { get; init; }

    /// <summary>The workflow audit persona, passed to the workflows scanner as its <c>persona</c> option.</summary>
    public string? Persona { get; init; }

    public bool Quiet { get; init; }

    public int Threads { get; init; }

    public bool ShowSecrets { get; init; }

    /// <summary>With <c>scan --no-dev</c>: development-only packages are left out (the deps scanner's <c>no-dev</c> option).</summary>
    public bool NoDev { get; init; }

    /// <summary>Where <c>scan</c> looks vulnerabilities up (<c>--db</c>, <c>--online</c>); null means the default database.</summary>
    public AdvisorySettings? Advisories { get; init; }
}
