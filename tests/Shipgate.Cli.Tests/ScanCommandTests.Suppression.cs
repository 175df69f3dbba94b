using System.Text.Json;
using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

public sealed partial class ScanCommandTests
{
    [Theory]
    [InlineData("# shipgate:ignore[{0}] rotated already\n{1}\n")]
    [InlineData("{1} // shipgate:ignore[{0}] test fixture\n")]
    [InlineData("{1} # shipgate:ignore[{2}] by name\n")]
    [InlineData("<!-- shipgate:ignore[{0}] in html -->\n{1}\n")]
    [InlineData("{1} # gitleaks:allow\n")]
    [InlineData("{1} # pragma: allowlist secret\n")]
    public void Scan_InlineSuppression_SilencesTheFinding(string template)
    {
        var sample = SecretSamples.GitHubToken();
        dir.Write("a.txt", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, sample.RuleId, sample.Line, sample.RuleName));

        CliHarness.Run(dir.Path, "scan").ExitCode.ShouldBe(0);
        CliHarness.Run(dir.Path, "scan", "--no-ignore").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Scan_InlineSuppressionForAnotherRule_DoesNotSilence()
    {
        var sample = SecretSamples.GitHubToken();
        dir.Write("a.txt", "# shipgate:ignore[SEC999] wrong rule\n" + sample.Line + "\n");
        CliHarness.Run(dir.Path, "scan").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Scan_SuppressionCommentTwoLinesAbove_DoesNotSilence()
    {
        var sample = SecretSamples.GitHubToken();
        dir.Write("a.txt", $"# shipgate:ignore[{sample.RuleId}] too far\n\n" + sample.Line + "\n");
        CliHarness.Run(dir.Path, "scan").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Scan_ConfigIgnoreByPath_SuppressesAndCountsIt()
    {
        var sample = SecretSamples.GitHubToken();
        dir.Write(".shipgate.yml", $"ignore:\n  - rules: [{sample.RuleId}]\n    paths: [\"tests/**\"]\n    reason: test fixtures\n");
        dir.Write("tests/fixtures/a.txt", sample.Line + "\n");

        var run = CliHarness.Run(dir.Path, "scan", "--format", "json", "--output", "r.json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("r.json"));
        json.RootElement.GetProperty("summary").GetProperty("suppressed").GetProperty("config").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Scan_ConfigDisable_TurnsTheRuleOff()
    {
        var sample = SecretSamples.GitHubToken();
        dir.Write(".shipgate.yml", $"disable: [{sample.RuleName}]\n");
        dir.Write("a.txt", sample.Line + "\n");
        CliHarness.Run(dir.Path, "scan").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Scan_ConfigExclude_SkipsThePath()
    {
        var sample = SecretSamples.GitHubToken();
        dir.Write(".shipgate.yml", "exclude: [\"vendor/**\"]\n");
        dir.Write("vendor/lib/a.txt", sample.Line + "\n");
        CliHarness.Run(dir.Path, "scan").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Baseline_KeepsSuppressingAfterLinesAreInsertedAbove()
    {
        // Given a baseline taken with the secret on line 2
        var sample = SecretSamples.GitHubToken();
        dir.Write("src/a.txt", "first\n" + sample.Line + "\n");
        var create = CliHarness.Run(dir.Path, "baseline", "create", ".", "--output", "shipgate-baseline.json");
        create.ExitCode.ShouldBe(0, create.ToString());
        CliHarness.Run(dir.Path, "scan", "--baseline", "shipgate-baseline.json").ExitCode.ShouldBe(0);

        // When unrelated lines are inserted above it
        dir.Write("src/a.txt", "new\nlines\nabove\nfirst\n" + sample.Line + "\n");

        // Then the baseline still suppresses it, and the summary says so
        var run = CliHarness.Run(dir.Path, "scan", "--baseline", "shipgate-baseline.json", "-f", "json", "-o", "r.json");
        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("r.json"));
        json.RootElement.GetProperty("summary").GetProperty("suppressed").GetProperty("baseline").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Baseline_DoesNotHideANewSecret()
    {
        var known = SecretSamples.GitHubToken();
        dir.Write("a.txt", known.Line + "\n");
        CliHarness.Run(dir.Path, "baseline", "create", "--output", "b.json").ExitCode.ShouldBe(0);

        var fresh = SecretSamples.GitHubToken();
        dir.Write("a.txt", known.Line + "\n" + fresh.Line + "\n");
        CliHarness.Run(dir.Path, "scan", "--baseline", "b.json").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Baseline_FileIsSortedAndHasNoSecretValues()
    {
        var one = SecretSamples.GitHubToken();
        var two = SecretSamples.GitHubToken();
        dir.Write("a.txt", one.Line + "\n" + two.Line + "\n");
        CliHarness.Run(dir.Path, "baseline", "create", "--output", "b.json").ExitCode.ShouldBe(0);

        var text = dir.Read("b.json");
        text.ShouldNotContain(one.Secret);
        text.ShouldNotContain(two.Secret);
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("version").GetInt32().ShouldBe(1);
        var prints = json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("fingerprint").GetString()!).ToList();
        prints.Count.ShouldBe(2);
        prints.ShouldBe(prints.Order(StringComparer.Ordinal).ToList());
    }
}
