using Shipgate.Containers.Dockerfiles;
using Shipgate.Containers.Rules;
using Shipgate.Containers.Shell;
using Shipgate.Core;

namespace Shipgate.Containers.Tests.Shell;

/// <summary>A fact that runs only when shellcheck is on PATH (the rule is optional, as in hadolint).</summary>
public sealed class ShellcheckFactAttribute : FactAttribute
{
    public ShellcheckFactAttribute()
    {
        if (ShellcheckRunner.Default is null)
        {
            Skip = "shellcheck is not on PATH (apt-get install shellcheck)";
        }
    }
}

public sealed class ShellcheckIssueTests
{
    [ShellcheckFact]
    public void Fixtures_markers_and_golden_file_hold() => RuleFixtureTests.Check("DKR090.ShellcheckIssue");

    [ShellcheckFact]
    public void Finding_PointsAtTheExpansionInAContinuedRun()
    {
        // Given a RUN split over continuation lines with an unquoted expansion on the second line
        var text = "FROM debian:12\nRUN apt-get update && \\\n    cp $SRC /opt/app\n";
        var document = DockerfileParser.Parse(text, "Dockerfile");

        // When the rule runs
        var findings = new ShellcheckIssue().Analyze(document, new RuleContext("Dockerfile", "Dockerfile", new RuleSettings(includeExperimental: true))).ToList();

        // Then SC2086 lands on $SRC in line 3
        var finding = findings.Single(f => f.Properties["shellcheck"] == "SC2086");
        finding.Location.StartLine.ShouldBe(3);
        finding.Location.StartColumn.ShouldBe(8);
        finding.Severity.ShouldBe(Severity.Info);
        finding.Message.ShouldContain("https://www.shellcheck.net/wiki/SC2086");
    }

    [ShellcheckFact]
    public void HadolintIgnoreComment_SuppressesTheShellcheckCode()
    {
        var text = "FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $A\nRUN echo $B\n";
        var document = DockerfileParser.Parse(text, "Dockerfile");
        var context = new RuleContext("Dockerfile", "Dockerfile", new RuleSettings(includeExperimental: true));

        var findings = new DockerfileScanner([new ShellcheckIssue()]).Scan(document, context);

        findings.Select(f => f.Location.StartLine).ShouldBe([4]);
    }

    [Fact]
    public void WithoutShellcheck_TheRuleReportsNothing()
    {
        var document = DockerfileParser.Parse("FROM debian:12\nRUN echo $X\n", "Dockerfile");
        new ShellcheckIssue(runner: null).Analyze(document, new RuleContext("Dockerfile", "Dockerfile", RuleSettings.Default)).ShouldBeEmpty();
        ShellcheckRunner.Find("/nonexistent-dir").ShouldBeNull();
    }

    [Fact]
    public void RunScript_GroupsBodiesByShellAndSkipsUnknownShells()
    {
        var text = "FROM a\nRUN echo one\nRUN [\"echo\", \"exec\"]\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo two\nSHELL [\"cmd\", \"/S\", \"/C\"]\nRUN echo three\nFROM b\nRUN echo four\n";
        var scripts = RunScript.From(DockerfileParser.Parse(text, "Dockerfile"));

        scripts.Select(s => (s.Shell, s.Text)).ShouldBe([("sh", "echo one\necho four\n"), ("bash", "echo two\n")]);
        scripts[0].Origin(2)!.Value.Run.Line.ShouldBe(9);
    }

    [Theory]
    [InlineData("""{"comments":[{"file":"-","line":1,"endLine":1,"column":6,"endColumn":11,"level":"info","code":2086,"message":"Double quote to prevent globbing and word splitting."}]}""", 1)]
    [InlineData("""{"comments":[]}""", 0)]
    [InlineData("not json", 0)]
    public void Parse_ReadsJson1(string json, int count) => ShellcheckRunner.Parse(json).Count.ShouldBe(count);
}
