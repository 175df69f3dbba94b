using System.Text;
using Shipgate.Core;

namespace Shipgate.Workflows.Tests.Rules;

public sealed class ScannerTests
{
    [Theory]
    [InlineData(".github/workflows/ci.yml", true)]
    [InlineData(".github/workflows/ci.yaml", true)]
    [InlineData("sub/action.yml", true)]
    [InlineData(".github/dependabot.yml", true)]
    [InlineData(".gitlab-ci.yml", true)]
    [InlineData("docs/readme.md", false)]
    public void Claims_by_path(string path, bool claimed) =>
        new WorkflowsScanner().Claims(ScanFile.FromBytes(path, Encoding.UTF8.GetBytes("x: 1\n"), path)).ShouldBe(claimed);

    [Theory]
    [InlineData("on: push\njobs:\n  a:\n    runs-on: x\n", true)]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n", false)]
    [InlineData("services:\n  web:\n    image: nginx\n", false)]
    [InlineData("name: x\nruns:\n  using: composite\n  steps: []\n", true)]
    [InlineData("version: 2\nupdates: []\n", true)]
    public void Sniffs_other_yaml_by_top_level_keys(string text, bool claimed) =>
        new WorkflowsScanner().Claims(ScanFile.FromBytes("somewhere/file.yml", Encoding.UTF8.GetBytes(text), "somewhere/file.yml")).ShouldBe(claimed);

    [Theory]
    [InlineData("- just\n- a list\n")]
    [InlineData("on: push\njobs: [1, 2\n")]
    [InlineData("on: push\njobs:\n  a: not-a-mapping\n")]
    public async Task Bad_workflows_are_input_format_errors(string text)
    {
        var ex = await Should.ThrowAsync<InputFormatException>(() => FixtureRunner.ScanTextAsync(".github/workflows/bad.yml", text));
        ex.Line.ShouldNotBeNull();
    }

    [Fact]
    public async Task Unknown_keys_are_ignored()
    {
        var findings = await FixtureRunner.ScanTextAsync(".github/workflows/x.yml", "on: push\npermissions: {}\nwhatever: 1\njobs:\n  a:\n    name: a\n    runs-on: x\n    surprise: [1]\n    steps:\n      - run: echo hi\n");
        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Zizmor_ignore_comments_silence_the_matching_rule_only()
    {
        var text = "on: push\npermissions: {}\njobs:\n  a:\n    name: a\n    runs-on: x\n    steps:\n      - uses: actions/setup-go@v5 # zizmor: ignore[unpinned-uses]\n      - uses: actions/setup-go@v5\n";
        var findings = await FixtureRunner.ScanTextAsync(".github/workflows/x.yml", text);
        findings.Where(f => f.RuleId == "GHA004").Select(f => f.Location.StartLine).ShouldBe([9]);
    }

    [Fact]
    public async Task Pedantic_findings_need_the_pedantic_persona()
    {
        var text = "on: push\njobs:\n  a:\n    name: a\n    runs-on: x\n    steps:\n      - run: echo hi\n";
        (await FixtureRunner.ScanTextAsync(".github/workflows/x.yml", text)).Count(f => f.RuleId == "GHA003").ShouldBe(1);
        (await FixtureRunner.ScanTextAsync(".github/workflows/x.yml", text, Persona.Pedantic)).Count(f => f.RuleId == "GHA003").ShouldBe(2);
    }
}
