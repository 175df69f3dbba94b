using System.Text;
using Shipgate.Core;

namespace Shipgate.Workflows.Tests.Rules;

public sealed class GitLabTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("shipgate-gitlab-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Local_includes_are_audited_in_their_own_file()
    {
        // Given a pipeline that includes a local file with an unpinned image
        await File.WriteAllTextAsync(Path.Combine(directory, ".gitlab-ci.yml"), "include:\n  - local: ci/build.yml\nstages: [build]\n");
        Directory.CreateDirectory(Path.Combine(directory, "ci"));
        await File.WriteAllTextAsync(Path.Combine(directory, "ci", "build.yml"), "build:\n  image: node:latest\n  script: make\n");
        var main = Path.Combine(directory, ".gitlab-ci.yml");
        var file = ScanFile.FromDisk(main, ".gitlab-ci.yml", ".gitlab-ci.yml", new FileInfo(main).Length);

        // When it is scanned
        var findings = await new WorkflowsScanner().ScanAsync(file, new RuleContext(".gitlab-ci.yml", ".gitlab-ci.yml", RuleSettings.Default), CancellationToken.None);

        // Then the finding points into the included file
        var image = findings.Single(f => f.RuleId == "GLC002");
        image.Location.Path.ShouldBe("ci/build.yml");
        image.Location.StartLine.ShouldBe(2);
    }

    [Fact]
    public async Task Includes_outside_the_pipeline_directory_are_not_read()
    {
        await File.WriteAllTextAsync(Path.Combine(directory, ".gitlab-ci.yml"), "include:\n  - local: ../../etc/passwd\nbuild:\n  script: make\n");
        var main = Path.Combine(directory, ".gitlab-ci.yml");
        var file = ScanFile.FromDisk(main, ".gitlab-ci.yml", ".gitlab-ci.yml", new FileInfo(main).Length);
        var findings = await new WorkflowsScanner().ScanAsync(file, new RuleContext(".gitlab-ci.yml", ".gitlab-ci.yml", RuleSettings.Default), CancellationToken.None);
        findings.ShouldAllBe(f => f.Location.Path == ".gitlab-ci.yml");
    }

    [Theory]
    [InlineData("- not\n- a mapping\n")]
    [InlineData("build: {script: [make\n")]
    public async Task Malformed_pipelines_are_input_format_errors(string text)
    {
        var ex = await Should.ThrowAsync<InputFormatException>(() => FixtureRunner.ScanTextAsync(".gitlab-ci.yml", text));
        ex.Line.ShouldNotBeNull();
    }

    [Fact]
    public async Task Oversized_files_are_rejected_with_a_position()
    {
        var text = "on: push\njobs: {}\n# " + new string('x', 9 * 1024 * 1024) + "\n";
        var file = ScanFile.FromBytes(".github/workflows/huge.yml", Encoding.UTF8.GetBytes(text), ".github/workflows/huge.yml");
        var ex = await Should.ThrowAsync<InputFormatException>(async () =>
            await new WorkflowsScanner().ScanAsync(file, new RuleContext("huge.yml", "huge.yml", RuleSettings.Default), CancellationToken.None));
        ex.Line.ShouldBe(1);
        ex.Column.ShouldBe(1);
    }

    [Fact]
    public async Task Aliased_steps_report_once_per_use()
    {
        var text = "name: a\non: push\npermissions: {}\njobs:\n  a:\n    name: a\n    runs-on: x\n    steps:\n      - &co\n        uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n      - *co\n";
        var findings = await FixtureRunner.ScanTextAsync(".github/workflows/a.yml", text);
        findings.Where(f => f.RuleId == "GHA005").Select(f => f.Location.StartLine).ShouldBe([9, 11]);
    }
}
