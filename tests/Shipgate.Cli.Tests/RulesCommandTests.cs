using System.Text.Json;
using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

public sealed class RulesCommandTests
{
    private static readonly string Cwd = Path.GetTempPath();

    [Fact]
    public void RulesList_Json_HasEveryRuleOnce()
    {
        var run = CliHarness.Run(Cwd, "rules", "list", "--format", "json");
        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var ids = json.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        ids.ShouldNotBeEmpty();
        ids.Distinct().Count().ShouldBe(ids.Count);
        json.RootElement[0].GetProperty("helpUri").GetString()!.ShouldEndWith(ids[0] + ".md");
    }

    [Fact]
    public void RulesList_Table_ShowsIdsAndNames()
    {
        var sample = SecretSamples.GitHubToken();
        var run = CliHarness.Run(Cwd, "rules", "list");
        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain(sample.RuleId);
        run.Out.ShouldContain(sample.RuleName);
    }

    [Fact]
    public void RulesShow_ByIdOrName_PrintsMetadata()
    {
        var sample = SecretSamples.GitHubToken();
        var byId = CliHarness.Run(Cwd, "rules", "show", sample.RuleId);
        var byName = CliHarness.Run(Cwd, "rules", "show", sample.RuleName);
        byId.ExitCode.ShouldBe(0);
        byId.Out.ShouldBe(byName.Out);
        byId.Out.ShouldContain("Severity:");
        byId.Out.ShouldContain("docs/rules/" + sample.RuleId + ".md");
    }

    [Fact]
    public void RulesShow_Unknown_ExitsTwo()
    {
        var run = CliHarness.Run(Cwd, "rules", "show", "NOPE001");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("NOPE001");
    }
}
