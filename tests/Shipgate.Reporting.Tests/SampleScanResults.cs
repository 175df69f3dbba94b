using Shipgate.Core;

namespace Shipgate.Reporting.Tests;

/// <summary>
/// The fixed scan results every writer is snapshot-tested over. <see cref="Full"/> covers every feature a
/// report has to render: several categories and severities, a fix, properties, multi-line and hostile
/// snippets, suppressions of two kinds, errors with and without a position, skipped files, a path with
/// spaces, a message full of Markdown/XML/workflow-command syntax, and non-ASCII text.
/// </summary>
internal static class SampleScanResults
{
    public const string HostileMessage =
        "Expression `${{ github.event.issue.title }}` flows into a run: script | <script>alert(1)</script> & *bold* _em_ "
        + "[link](https://example.com) @octocat 100% done, a:b; first line\nsecond line ::warning::injected — café ✓ 日本語.";

    public static readonly RuleMetadata GitHubToken = new(
        "SEC001", "github-personal-access-token", "GitHub personal access token", Category.Secrets, Severity.High, Confidence.High)
    {
        Description = "A GitHub personal access token grants API access as the user who created it.",
        Remediation = "Revoke the token in GitHub's developer settings, then load a new one from your secret store.",
        Tags = ["cwe-798"],
        Equivalents = ["gitleaks:github-pat"],
    };

    public static readonly RuleMetadata AwsKey = new(
        "SEC002", "aws-access-key-id", "AWS access key ID", Category.Secrets, Severity.Critical, Confidence.High)
    {
        Remediation = "Deactivate the key in IAM and rotate it.",
        Tags = ["cwe-798"],
        Equivalents = ["gitleaks:aws-access-token"],
    };

    public static readonly RuleMetadata SlackWebhook = new(
        "SEC003", "slack-webhook-url", "Slack incoming webhook URL", Category.Secrets, Severity.Medium, Confidence.Medium);

    public static readonly RuleMetadata TemplateInjection = new(
        "GHA001", "template-injection", "Untrusted input expanded into a run script", Category.Workflows, Severity.High, Confidence.Medium)
    {
        Description = "Expressions are expanded before the shell runs, so attacker-controlled text becomes code.",
        Remediation = "Pass the value through an environment variable and quote it: `env: TITLE: ${{ github.event.issue.title }}`.",
        Tags = ["cwe-94"],
        Equivalents = ["zizmor:template-injection"],
    };

    public static readonly RuleMetadata SecretsInherit = new(
        "GHA004", "secrets-inherit", "Reusable workflow inherits every secret", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Remediation = "List only the secrets the called workflow needs under `secrets:`.",
        Equivalents = ["zizmor:secrets-inherit"],
    };

    public static readonly RuleMetadata RunAsRoot = new(
        "DKR001", "run-as-root", "Container runs as root", Category.Docker, Severity.Low, Confidence.Medium)
    {
        Remediation = "Add a USER instruction with an unprivileged user after the last package installation.",
        Equivalents = ["hadolint:DL3002", "trivy:DS-0002"],
    };

    public static readonly RuleMetadata KnownVulnerability = new(
        "DEP001", "known-vulnerability", "Dependency has a known vulnerability", Category.Deps, Severity.Info, Confidence.Low);

    public static ScanResult Full()
    {
        var findings = new[]
        {
            // Deliberately out of order: writers must sort.
            Make(RunAsRoot, Severity.Low, new Location("deploy/my app/Dockerfile", 1, 1, 1, 17), "Container runs as root because no USER instruction follows 'FROM ubuntu:24.04'.",
                "FROM ubuntu:24.04",
                fix: new Fix("Add 'USER app' after the last RUN instruction.", [new TextEdit(118, 0, "USER app\n")]),
                properties: new Dictionary<string, string> { ["stage"] = "build", ["baseImage"] = "ubuntu:24.04", ["severity"] = "ignored-collision" }),
            Make(GitHubToken, Severity.High, new Location("config/app.env", 3, 14, 3, 57), "GitHub personal access token 'ghp_…' found in config/app.env.",
                "GITHUB_TOKEN=ghp_****************************************"),
            Make(TemplateInjection, Severity.High, new Location(".github/workflows/ci.yml", 12, 20, 12, 50), HostileMessage,
                "        run: echo \"${{ github.event.issue.title }}\" # ``` \u001b[31mred\u001b[0m café ✓ 日本語"),
            Make(KnownVulnerability, Severity.Info, Location.File("package-lock.json"), "lodash 4.17.20 is affected by GHSA-35jh-r3h4-6jhm (prototype pollution).",
                snippet: null,
                properties: new Dictionary<string, string> { ["package"] = "lodash", ["version"] = "4.17.20" }),
            Make(AwsKey, Severity.Critical, new Location("deploy/my app/.env", 1, 19, 1, 38), "AWS access key ID 'AKIA…' found in deploy/my app/.env.",
                "AWS_ACCESS_KEY_ID=AKIA****************"),
            Make(TemplateInjection, Severity.High, new Location(".github/workflows/ci.yml", 20, 14, 21, 45), "Expression '${{ github.head_ref }}' flows into a run script.",
                "        run: |\n          git checkout \"${{ github.head_ref }}\""),
            Make(SecretsInherit, Severity.Medium, new Location(".github/workflows/release.yml", 30, 5, 30, 20), "Job 'publish' passes all secrets to 'acme/shared/.github/workflows/publish.yml@v2'.",
                "    secrets: inherit"),
        };

        return new ScanResult
        {
            Tool = new ToolInfo("shipgate", "0.1.0", "0123456789abcdef0123456789abcdef01234567"),
            Findings = findings,
            Suppressed =
            [
                new SuppressedFinding(
                    Make(SecretsInherit, Severity.Medium, new Location(".github/workflows/old.yml", 8, 5, 8, 20), "Job 'legacy' passes all secrets to 'acme/shared/.github/workflows/old.yml@v1'.", "    secrets: inherit"),
                    SuppressionKind.Baseline,
                    "In baseline .shipgate-baseline.json"),
                new SuppressedFinding(
                    Make(GitHubToken, Severity.High, new Location("tests/fixtures/token.txt", 2, 1, 2, 40), "GitHub personal access token 'ghp_…' found in tests/fixtures/token.txt.", "ghp_****************************************"),
                    SuppressionKind.Inline,
                    "shipgate:ignore SEC001 -- generated test fixture"),
            ],
            Errors =
            [
                new ScanError("iam/policy.json", "File could not be read: access denied."),
                new ScanError(".github/workflows/broken.yml", "Unexpected end of mapping; expected a value after 'on:'.", 4, 7),
            ],
            Skipped =
            [
                new SkippedFile("data/huge dump.sql", "larger than 10 MiB"),
                new SkippedFile("assets/logo.png", "binary file"),
            ],
            Rules = [TemplateInjection, SecretsInherit, GitHubToken, AwsKey, SlackWebhook, RunAsRoot, KnownVulnerability],
            Targets = [".", "deploy/my app"],
            BaseDirectory = "/home/runner/work/payments/payments",
            FilesScanned = 42,
            FailOn = Severity.High,
            StartedAt = new DateTimeOffset(2025, 3, 14, 10, 26, 53, 589, TimeSpan.FromHours(1)),
            Duration = TimeSpan.FromMilliseconds(1234.5),
            Repository = new RepositoryInfo("acme/payments", "89abcdef0123456789abcdef0123456789abcdef", "feature/pr-42", "https://x-access-token:not-a-real-token@github.com/acme/payments.git"),
        };
    }

    /// <summary>A clean scan: rules ran, nothing found, nothing went wrong.</summary>
    public static ScanResult Empty() => new()
    {
        Tool = new ToolInfo("shipgate", "0.1.0"),
        Findings = [],
        Rules = [GitHubToken, SecretsInherit],
        Targets = ["."],
        BaseDirectory = "/src/app",
        FilesScanned = 3,
        FailOn = Severity.Medium,
        StartedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Duration = TimeSpan.FromMilliseconds(87),
    };

    public static Finding Make(
        RuleMetadata rule,
        Severity severity,
        Location location,
        string message,
        string? snippet,
        Fix? fix = null,
        IReadOnlyDictionary<string, string>? properties = null) => new()
        {
            Rule = rule,
            Severity = severity,
            Confidence = rule.Confidence,
            Message = message,
            Location = location,
            Fingerprint = Fingerprints.Compute(rule.Id, location.Path, snippet ?? message),
            Snippet = snippet,
            Fix = fix,
            Properties = new SortedDictionary<string, string>(
                (properties ?? new Dictionary<string, string>()).ToDictionary(), StringComparer.Ordinal),
        };
}
