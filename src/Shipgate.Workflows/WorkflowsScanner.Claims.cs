using Shipgate.Core;

namespace Shipgate.Workflows;

public sealed partial class WorkflowsScanner
{
    private const int MaxSniffBytes = 2 * 1024 * 1024;

    internal enum FileKind
    {
        Workflow,
        Action,
        Dependabot,
        PreCommit,
        GitLab,
    }

    /// <summary>
    /// Decides by path first (<c>.github/workflows/*.y*ml</c>, <c>action.y*ml</c>, <c>.github/dependabot.y*ml</c>,
    /// <c>.pre-commit-config.y*ml</c>, <c>.gitlab-ci.yml</c>); any other <c>.yml</c>/<c>.yaml</c> is read and
    /// claimed only when its top-level keys are unmistakably a workflow (<c>on</c> and <c>jobs</c>), an action
    /// (<c>runs</c> with <c>using</c>) or a Dependabot config (<c>version</c> and <c>updates</c>).
    /// </summary>
    internal static FileKind? Classify(ScanFile file)
    {
        var path = file.RelativePath.Replace('\\', '/');
        var lowerPath = path.ToLowerInvariant();
        var name = file.Name.ToLowerInvariant();
        var yaml = name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal);
        if (!yaml)
        {
            return null;
        }

        if (name == ".gitlab-ci.yml" || name == ".gitlab-ci.yaml" || name.EndsWith(".gitlab-ci.yml", StringComparison.Ordinal))
        {
            return FileKind.GitLab;
        }

        if (name is "action.yml" or "action.yaml")
        {
            return FileKind.Action;
        }

        if (name is ".pre-commit-config.yaml" or ".pre-commit-config.yml")
        {
            return FileKind.PreCommit;
        }

        if ((name is "dependabot.yml" or "dependabot.yaml") && (lowerPath.Contains(".github/", StringComparison.Ordinal) || lowerPath == name))
        {
            return FileKind.Dependabot;
        }

        if (lowerPath.Contains(".github/workflows/", StringComparison.Ordinal) || lowerPath.StartsWith("workflows/", StringComparison.Ordinal) && file.FullPath?.Replace('\\', '/').Contains("/.github/workflows/", StringComparison.Ordinal) == true)
        {
            return FileKind.Workflow;
        }

        if (file.Length > MaxSniffBytes || file.IsBinary)
        {
            return null;
        }

        return Sniff(file.ReadAllText());
    }

    /// <summary>Looks at top-level keys only (lines that start in column 1), so nested keys never count.</summary>
    internal static FileKind? Sniff(string text)
    {
        bool on = false, jobs = false, runs = false, usingKey = false, version = false, updates = false, gitlabish = false;
        var inRuns = false;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.TrimEnd();
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                if (inRuns && line.TrimStart().StartsWith("using:", StringComparison.Ordinal))
                {
                    usingKey = true;
                }

                continue;
            }

            if (line[0] is '-' && line.StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            inRuns = false;
            var key = TopLevelKey(line);
            switch (key)
            {
                case "on" or "\"on\"" or "'on'" or "true":
                    on = true;
                    break;
                case "jobs":
                    jobs = true;
                    break;
                case "runs":
                    runs = true;
                    inRuns = true;
                    if (line.ToString().Contains("using:", StringComparison.Ordinal))
                    {
                        usingKey = true;
                    }

                    break;
                case "version":
                    version = true;
                    break;
                case "updates":
                    updates = true;
                    break;
                case "apiVersion" or "kind" or "services" or "stages":
                    gitlabish = true;
                    break;
            }
        }

        if (gitlabish && !(on && jobs))
        {
            return null;
        }

        return on && jobs ? FileKind.Workflow
            : runs && usingKey && !jobs ? FileKind.Action
            : version && updates ? FileKind.Dependabot
            : null;
    }

    private static string? TopLevelKey(ReadOnlySpan<char> line)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0 || (colon + 1 < line.Length && line[colon + 1] != ' '))
        {
            return null;
        }

        return line[..colon].Trim().ToString();
    }
}
