using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Tests;

public sealed class DockerfileParserTests
{
    [Fact]
    public void Parses_continuations_comments_inside_them_and_positions()
    {
        // Given a RUN split over lines with a comment and a blank line inside the continuation
        const string text = "FROM alpine:3.20\nRUN apk add \\\n# a comment\n\n    curl \\\n    git\nCMD [\"sh\"]\n";

        // When it is parsed
        var file = DockerfileParser.Parse(text);

        // Then the logical line is joined and positions are exact
        file.Instructions.Select(i => i.Keyword).ShouldBe(["FROM", "RUN", "CMD"]);
        var run = file.Instructions[1];
        run.Line.ShouldBe(2);
        run.Body.Replace(" ", "", StringComparison.Ordinal).ShouldBe("apkaddcurlgit");
        file.Comments.ShouldContain(c => c.Line == 3);
        file.Instructions[2].Line.ShouldBe(7);
        file.Instructions[2].ExecForm.ShouldBe(["sh"]);
        run.Script.Commands.Single().Arguments.Select(a => a.Value).ShouldBe(["add", "curl", "git"]);
        file.LocationOf(run, run.Script.Commands[0].Arguments[2]).StartLine.ShouldBe(6);
    }

    [Fact]
    public void Honours_the_escape_directive_and_lower_case_keywords()
    {
        var file = DockerfileParser.Parse("# escape=`\nfrom mcr.microsoft.com/windows/servercore:ltsc2022\nrun dir `\n  c:\\\n");
        file.EscapeChar.ShouldBe('`');
        file.Instructions.Select(i => i.Keyword).ShouldBe(["FROM", "RUN"]);
        file.Instructions[1].Body.ShouldContain("c:\\");
    }

    [Fact]
    public void Reads_heredocs_and_splits_their_script()
    {
        var file = DockerfileParser.Parse("FROM debian:12.6\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER 1000\n");
        var run = file.Instructions[1];
        run.Heredocs.Single().Name.ShouldBe("EOF");
        run.Script.Commands.Select(c => c.Name).ShouldBe(["apt-get", "apt-get"]);
        file.Instructions[2].Keyword.ShouldBe("USER");
        file.LocationOf(run, run.Script.Commands[1]).StartLine.ShouldBe(4);
    }

    [Fact]
    public void Builds_stages_with_names_parents_and_arg_substitution()
    {
        var file = DockerfileParser.Parse("ARG BASE=python\nARG TAG=3.12\nFROM ${BASE}:${TAG} AS build\nFROM build AS test\nFROM --platform=$BUILDPLATFORM gcr.io/distroless/python3@sha256:abc\n");
        file.Stages.Count.ShouldBe(3);
        file.Stages[0].Image.Resolved.ShouldBe("python:3.12");
        file.Stages[0].Image.Tag.ShouldBe("3.12");
        file.Stages[1].Parent.ShouldBe(file.Stages[0]);
        file.Stages[2].Image.Registry.ShouldBe("gcr.io");
        file.Stages[2].Image.Digest.ShouldBe("sha256:abc");
        file.Stages[2].Platform.ShouldBe("$BUILDPLATFORM");
        file.GlobalArgs.Count.ShouldBe(2);
    }

    [Fact]
    public void Unwraps_onbuild_triggers_and_reads_flags()
    {
        var file = DockerfileParser.Parse("FROM alpine:3.20\nONBUILD RUN --mount=type=cache,target=/root/.cache pip install x\nCOPY --from=build --chown=1:1 a /b\n");
        var trigger = file.Instructions[1].Inner!;
        trigger.Keyword.ShouldBe("RUN");
        trigger.Flag("mount").ShouldBe("type=cache,target=/root/.cache");
        file.Instructions[2].Flag("from").ShouldBe("build");
        file.Instructions[2].Flag("chown").ShouldBe("1:1");
        file.RunCommands().Single().Command.Name.ShouldBe("pip");
    }

    [Fact]
    public void Fragments_without_from_parse()
    {
        var file = DockerfileParser.Parse("RUN apt-get install -y curl\nCOPY a b\n");
        file.Stages.ShouldBeEmpty();
        file.Instructions.Count.ShouldBe(2);
        file.Instructions[0].StageIndex.ShouldBe(-1);
    }

    [Fact]
    public void Invalid_json_falls_back_to_the_shell_form()
    {
        var file = DockerfileParser.Parse("CMD [\"sh\", oops]\n");
        file.Instructions[0].IsExecForm.ShouldBeFalse();
    }

    [Theory]
    [InlineData("FROM alpine\n\"quoted\" nonsense\n", 2, 1)]
    [InlineData("FROM alpine\n  ===\n", 2, 3)]
    [InlineData("FROM=alpine\n", 1, 1)]
    [InlineData("# escape=x\nFROM alpine\n", 1, 1)]
    [InlineData("FROM alpine\nRUN <<EOF\necho never closed\n", 2, 1)]
    public void Malformed_input_throws_with_a_position(string text, int line, int column)
    {
        var error = Should.Throw<InputFormatException>(() => DockerfileParser.Parse(text));
        error.Line.ShouldBe(line);
        error.Column.ShouldBe(column);
    }

    [Fact]
    public void Oversized_input_is_rejected()
    {
        var text = new string('#', DockerfileParser.MaxTextLength + 1);
        Should.Throw<InputFormatException>(() => DockerfileParser.Parse(text));
    }

    [Fact]
    public void Hostile_nesting_and_binary_noise_do_not_crash()
    {
        var deep = "RUN " + string.Concat(Enumerable.Repeat("$(echo ", 2000)) + "x" + new string(')', 2000) + "\n";
        DockerfileParser.Parse("FROM alpine\n" + deep).RunCommands().Count.ShouldBeGreaterThan(0);
        var noise = "FROM alpine\nRUN " + new string('"', 5001) + " '`$( <<<\n";
        Should.NotThrow(() => DockerfileParser.Parse(noise).RunCommands().ToList());
    }
}
