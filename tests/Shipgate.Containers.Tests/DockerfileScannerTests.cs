using System.Text;
using Shipgate.Core;

namespace Shipgate.Containers.Tests;

public sealed class DockerfileScannerTests
{
    [Theory]
    [InlineData("Dockerfile", true)]
    [InlineData("dockerfile", true)]
    [InlineData("Containerfile", true)]
    [InlineData("api.Dockerfile", true)]
    [InlineData("web.dockerfile", true)]
    [InlineData("Dockerfile.prod", true)]
    [InlineData("Containerfile.dev", true)]
    [InlineData("Dockerfile.", false)]
    [InlineData("Dockerfile.cs", false)]
    [InlineData("Dockerfile.md", false)]
    [InlineData("Dockerfile.ubi9", true)]
    [InlineData("my-dockerfile-notes.txt", false)]
    [InlineData("docker-compose.yml", false)]
    public void Claims_conventional_names(string name, bool expected) =>
        DockerfileScanner.IsDockerfileName(name).ShouldBe(expected);

    [Fact]
    public void Claims_explicitly_given_files_that_mention_dockerfile()
    {
        var scanner = new DockerfileScanner();
        scanner.Claims(ScanFile.FromBytes("hl-dl3007-fire.Dockerfile.txt", [])).ShouldBeTrue();
        scanner.Claims(ScanFile.FromBytes("notes.txt", [])).ShouldBeFalse();
    }

    [Fact]
    public async Task Honours_hadolint_ignore_comments()
    {
        // Given a file with an inline and a global hadolint ignore
        const string text = "# hadolint global ignore=DL3057\nFROM debian:12.6\n# hadolint ignore=DL3008,DL3015\nRUN apt-get install -y curl\nRUN apt-get install -y git\nUSER 1000\n";
        var findings = await Scan(text);

        // Then only the second RUN is reported for pinning, and the missing HEALTHCHECK is silenced
        findings.Where(f => f.RuleId == "DKR014").Select(f => f.Location.StartLine).ShouldBe([5]);
        findings.ShouldNotContain(f => f.RuleId == "DKR064");
    }

    [Fact]
    public async Task Malformed_file_surfaces_as_input_format_exception()
    {
        await Should.ThrowAsync<InputFormatException>(() => Scan("FROM alpine\n{\"not\": \"a dockerfile\"}\n"));
    }

    [Fact]
    public async Task Disabled_rules_do_not_run()
    {
        var findings = await Scan("FROM nginx:latest\n", new RuleSettings(disabled: ["DKR001", "base-image-not-pinned-by-digest"]));
        findings.ShouldNotContain(f => f.RuleId == "DKR001");
    }

    private static async Task<IReadOnlyList<Finding>> Scan(string text, RuleSettings? settings = null)
    {
        var scanner = new DockerfileScanner();
        var file = ScanFile.FromBytes("Dockerfile", Encoding.UTF8.GetBytes(text));
        return await scanner.ScanAsync(file, new RuleContext("Dockerfile", "Dockerfile", settings ?? RuleSettings.Default), CancellationToken.None);
    }
}
