using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Dependencies.Rules;

/// <summary>A requirements file entry that does not pin one exact version with <c>==</c> (or <c>===</c>).</summary>
internal sealed partial class UnpinnedRequirement : DependencyRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DEP101", "unpinned-requirement", "Requirement is not pinned to an exact version",
        Severity.Medium, Confidence.High,
        ["scorecard:Pinned-Dependencies"],
        "A line of a pip requirements file names a package without '==' and one exact version (no specifier, a range such as '>=', a '~=' compatible release, or a wildcard). A requirements file is the lockfile of a pip project; every install resolves an unpinned line afresh, so a newly published release, malicious or broken, is installed without review, and a vulnerability scan cannot tell which version is really used.",
        "Pin every line with '==' (pip-compile or 'pip freeze' writes a complete pinned file, with '--generate-hashes' for hash checking); keep the loose ranges in requirements.in or pyproject.toml.",
        tags: ["supply-chain", "reproducibility"]);

    public override IEnumerable<Finding> Analyze(DependencyDocument document, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Format?.Name != "requirements.txt")
        {
            yield break;
        }

        for (var line = 1; line <= document.LineCount; line++)
        {
            var start = line;
            var text = document.Line(line);
            while (text.EndsWith('\\') && line < document.LineCount)
            {
                line++;
                text = text[..^1] + " " + document.Line(line);
            }

            var requirement = StripComment(text).Trim();
            if (requirement.Length == 0 || requirement[0] == '-' || requirement.Contains("://", StringComparison.Ordinal)
                || requirement[0] is '.' or '/' || requirement.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var match = Requirement().Match(requirement);
            if (!match.Success)
            {
                continue;
            }

            var name = match.Groups["name"].Value;
            var specifier = match.Groups["spec"].Value.Trim();
            if (Exact().IsMatch(specifier))
            {
                continue;
            }

            var message = specifier.Length == 0
                ? $"'{name}' has no version specifier, so any release can be installed."
                : $"'{name}{specifier}' allows more than one version; pin it with '=='.";
            yield return Report(context, document, start, message, name.ToLowerInvariant() + specifier, narrowTo: name);
        }
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf(" #", StringComparison.Ordinal);
        return line.StartsWith('#') ? "" : hash >= 0 ? line[..hash] : line;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?<spec>[^;]*?)\s*(?:;.*)?(?:\s--?[a-z].*)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex Requirement();

    [GeneratedRegex(@"^===?\s*[^\s,*]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex Exact();
}
