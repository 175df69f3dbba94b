namespace Shipgate.Cli;

/// <summary>The process exit codes, documented in the README and in <c>--help</c>. Small and non-negative.</summary>
internal enum ExitCode
{
    /// <summary>Nothing at or above the <c>--fail-on</c> threshold.</summary>
    Success = 0,

    /// <summary>At least one finding at or above the threshold.</summary>
    FindingsAtOrAboveThreshold = 1,

    /// <summary>Bad command line, bad configuration, or no input could be scanned.</summary>
    UsageOrInputError = 2,

    /// <summary>A bug in Shipgate.</summary>
    InternalError = 3,
}
