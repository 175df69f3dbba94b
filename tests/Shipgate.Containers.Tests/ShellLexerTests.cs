using Shipgate.Containers.Dockerfiles;

namespace Shipgate.Containers.Tests;

public sealed class ShellLexerTests
{
    [Fact]
    public void Splits_on_operators_and_respects_quotes()
    {
        var commands = ShellLexer.Split("a 'x && y' && b \"q;r\" ; c | d || e & f", 0);
        commands.Select(c => c.Name).ShouldBe(["a", "b", "c", "d", "e", "f"]);
        commands[0].Arguments.Single().Value.ShouldBe("x && y");
        commands[2].PipesOut.ShouldBeTrue();
        commands[3].PipesIn.ShouldBeTrue();
        commands[2].Pipeline.ShouldBe(commands[3].Pipeline);
    }

    [Fact]
    public void Peels_assignments_keywords_and_wrappers()
    {
        var commands = ShellLexer.Split("if true; then DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y x; fi", 0);
        var apt = commands.Single(c => c.Name == "apt-get");
        apt.Wrappers.ShouldBe(["sudo"]);
        apt.Assignments.ShouldContain(("DEBIAN_FRONTEND", "noninteractive"));
        commands.ShouldNotContain(c => c.Name == "fi");
    }

    [Fact]
    public void Splits_substitutions_and_sh_c_strings_with_their_parent()
    {
        var commands = ShellLexer.Split("sh -c \"$(curl -fsSL https://x)\" && bash -ec 'cd /tmp; make'", 0);
        commands.ShouldContain(c => c.Name == "curl" && c.Origin == CommandOrigin.Substitution && c.Parent != null && c.Parent.Name == "sh");
        commands.ShouldContain(c => c.Name == "make" && c.Origin == CommandOrigin.NestedShell);
    }

    [Fact]
    public void Reads_redirections_and_skips_heredoc_bodies()
    {
        var commands = ShellLexer.Split("cat > /etc/yum.conf <<EOF\nsslverify=0\nEOF\necho done 2>&1", 0);
        commands.Select(c => c.Name).ShouldBe(["cat", "echo"]);
        commands[0].Redirections.ShouldContain(r => r.Target == "/etc/yum.conf");
    }

    [Theory]
    [InlineData("-y", true)]
    [InlineData("-qy", true)]
    [InlineData("--yes", true)]
    [InlineData("--yes=true", true)]
    [InlineData("--yesno", false)]
    [InlineData("-q", false)]
    public void Matches_options_in_clusters_and_long_form(string argument, bool expected)
    {
        var command = ShellLexer.Split("apt-get " + argument + " install x", 0).Single();
        command.HasOption("-y", "--yes").ShouldBe(expected);
        command.Subcommand().ShouldBe("install");
    }
}
