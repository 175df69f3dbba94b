using Shipgate.Core;

namespace Shipgate.Yaml.Tests;

public sealed class YamlLoaderTests
{
    [Fact]
    public void Load_records_positions_of_keys_and_scalars()
    {
        // Given a small mapping
        var root = (YamlMapping)YamlLoader.Load("a: 1\nb:\n  c: hello\n")!;

        // Then every key and value knows its line and column
        var b = root.Entry("b")!;
        b.Key.Start.Line.ShouldBe(2);
        b.Key.Start.Column.ShouldBe(1);
        var c = ((YamlMapping)b.Value).Entry("c")!;
        c.Value.Start.Line.ShouldBe(3);
        c.Value.Start.Column.ShouldBe(6);
        ((YamlScalar)c.Value).Value.ShouldBe("hello");
    }

    [Fact]
    public void Aliases_resolve_to_the_anchored_node()
    {
        var root = (YamlMapping)YamlLoader.Load("a: &x {k: v}\nb: *x\n")!;
        root["b"].ShouldBeSameAs(root["a"]);
        var items = (YamlSequence)((YamlMapping)YamlLoader.Load("s:\n  - &i one\n  - *i\n")!)["s"]!;
        items.ItemStarts[1].Line.ShouldBe(3);
    }

    [Fact]
    public void Alias_bombs_are_rejected_with_a_position()
    {
        // Given nine levels of ten aliases each (10^9 nodes when expanded)
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 10; i++)
        {
            lines.Add($"a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]");
        }

        var ex = Should.Throw<InputFormatException>(() => YamlLoader.Load(string.Join('\n', lines)));
        ex.Message.ShouldContain("alias");
        ex.Line.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("a: [1, 2\n", 2)]
    [InlineData("a: b: c\n", 1)]
    [InlineData("a: *missing\n", 1)]
    [InlineData("? [x]\n: y\n", 1)]
    public void Malformed_yaml_is_an_input_format_error_with_a_line(string text, int line)
    {
        var ex = Should.Throw<InputFormatException>(() => YamlLoader.Load(text));
        ex.Line.ShouldBe(line);
        ex.Column.ShouldNotBeNull();
    }

    [Fact]
    public void Deep_nesting_is_rejected()
    {
        var text = new string('[', 500) + new string(']', 500);
        Should.Throw<InputFormatException>(() => YamlLoader.Load(text)).Message.ShouldContain("nesting");
    }

    [Fact]
    public void Oversized_text_is_rejected()
    {
        var text = "a: " + new string('x', YamlLoadOptions.Workflow.MaxLength);
        Should.Throw<InputFormatException>(() => YamlLoader.Load(text)).Message.ShouldContain("too large");
    }
}
