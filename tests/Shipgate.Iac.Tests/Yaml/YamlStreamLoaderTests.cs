using System.Text;
using Shipgate.Core;
using Shipgate.Iac.Yaml;

namespace Shipgate.Iac.Tests.Yaml;

public sealed class YamlStreamLoaderTests
{
    [Fact]
    public void Load_reads_every_document_with_positions()
    {
        // Given a stream of three documents, one of them empty
        const string text = "a: 1\n---\n---\nkind: Pod\nlist:\n  - x\n  - 'y'\n";

        // When it is loaded
        var documents = YamlStreamLoader.Load(text);

        // Then each document is there, in order, with exact positions
        documents.Count.ShouldBe(3);
        documents[1].Root.ShouldBeNull();
        var third = documents[2].Root.ShouldBeOfType<YamlMapping>();
        third.Entry("kind")!.Key.Start.Line.ShouldBe(4);
        var list = third.Sequence("list").ShouldNotBeNull();
        list.Items[1].ShouldBeOfType<YamlScalar>().Style.ShouldBe(ScalarStyle.SingleQuoted);
        list.Items[1].Start.Line.ShouldBe(7);
        list.Items[1].Start.Column.ShouldBe(5);
    }

    [Fact]
    public void Load_reads_json_as_yaml()
    {
        var documents = YamlStreamLoader.Load("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"n\": 3}");
        var root = documents.Single().Root.ShouldBeOfType<YamlMapping>();
        root.ScalarValue("kind").ShouldBe("Pod");
        root.Scalar("n")!.AsInteger.ShouldBe(3);
        root.Scalar("kind")!.Style.ShouldBe(ScalarStyle.DoubleQuoted);
    }

    [Fact]
    public void Load_resolves_aliases_and_merge_keys()
    {
        // Given an anchor reused through an alias and a merge key whose explicit keys win
        const string text = "base: &b {a: 1, b: 2}\nuse: *b\nmerged:\n  <<: *b\n  b: 3\n";

        // When loaded
        var root = YamlStreamLoader.Load(text).Single().Root.ShouldBeOfType<YamlMapping>();

        // Then the alias is the anchored node and the merge puts explicit keys last
        root["use"].ShouldBeSameAs(root["base"]);
        var merged = root.Mapping("merged").ShouldNotBeNull();
        merged.ScalarValue("a").ShouldBe("1");
        merged.ScalarValue("b").ShouldBe("3");
    }

    [Fact]
    public void Anchors_do_not_leak_across_documents()
    {
        var error = Should.Throw<InputFormatException>(() => YamlStreamLoader.Load("a: &x 1\n---\nb: *x\n"));
        error.Message.ShouldContain("unknown alias");
        error.Line.ShouldBe(3);
    }

    [Fact]
    public void Broken_yaml_is_an_input_error_with_a_position()
    {
        var error = Should.Throw<InputFormatException>(() => YamlStreamLoader.Load("kind: Pod\nspec:\n  a: 1\n   b: 2\n"));
        error.Message.ShouldStartWith("invalid YAML");
        error.Line.ShouldNotBeNull();
        error.Line!.Value.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void Alias_bomb_is_rejected()
    {
        // Given the classic billion-laughs shape: each level refers to the previous one ten times
        var text = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 9; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]\n");
        }

        // When / Then: loading stops with a positioned error instead of expanding a billion nodes
        var error = Should.Throw<InputFormatException>(() => YamlStreamLoader.Load(text.ToString()));
        error.Message.ShouldContain("alias bomb");
        error.Line.ShouldNotBeNull();
    }

    [Fact]
    public void Deep_nesting_is_rejected()
    {
        var text = new string('[', 5000) + new string(']', 5000);
        var error = Should.Throw<InputFormatException>(() => YamlStreamLoader.Load(text));
        error.Message.ShouldContain("deeper than");
    }

    [Fact]
    public void Oversized_text_is_rejected_before_parsing()
    {
        var text = new string('#', YamlStreamLoader.MaxLength + 1);
        Should.Throw<InputFormatException>(() => YamlStreamLoader.Load(text)).Line.ShouldBe(1);
    }

    [Fact]
    public void Source_maps_nodes_to_locations()
    {
        const string text = "spec:\n  hostNetwork: true\n  nested:\n    a: 1\n";
        var source = new YamlSource("x.yaml", text);
        var root = YamlStreamLoader.Load(text).Single().Root.ShouldBeOfType<YamlMapping>();
        var spec = root.Mapping("spec")!;

        source.Of(spec.Entry("hostNetwork")!).ShouldBe(new Location("x.yaml", 2, 3, 2, 19));
        source.HeadOf(spec.Mapping("nested")!).StartLine.ShouldBe(4);
        source.HeadOf(spec).EndLine.ShouldBe(2);
    }
}
