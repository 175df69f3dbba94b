using System.Text;
using Shipgate.Core;

namespace Shipgate.Yaml.Tests;

public sealed class YamlStreamTests
{
    [Fact]
    public void Load_reads_every_document_with_positions()
    {
        // Given a stream of three documents, one of them empty
        const string text = "a: 1\n---\n---\nkind: Pod\nlist:\n  - x\n  - 'y'\n";

        // When it is loaded
        var documents = YamlLoader.LoadAll(text);

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
        var documents = YamlLoader.LoadAll("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"n\": 3}");
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
        var root = YamlLoader.LoadAll(text).Single().Root.ShouldBeOfType<YamlMapping>();

        // Then the alias is the anchored node and the merge puts explicit keys last
        root["use"].ShouldBeSameAs(root["base"]);
        var merged = root.Mapping("merged").ShouldNotBeNull();
        merged.ScalarValue("a").ShouldBe("1");
        merged.ScalarValue("b").ShouldBe("3");
    }

    [Fact]
    public void Anchors_do_not_leak_across_documents()
    {
        var error = Should.Throw<InputFormatException>(() => YamlLoader.LoadAll("a: &x 1\n---\nb: *x\n"));
        error.Message.ShouldContain("unknown alias");
        error.Line.ShouldBe(3);
    }

    [Fact]
    public void Broken_yaml_is_an_input_error_with_a_position()
    {
        var error = Should.Throw<InputFormatException>(() => YamlLoader.LoadAll("kind: Pod\nspec:\n  a: 1\n   b: 2\n"));
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
        var error = Should.Throw<InputFormatException>(() => YamlLoader.LoadAll(text.ToString()));
        error.Message.ShouldContain("alias bomb");
        error.Line.ShouldNotBeNull();
    }

    [Fact]
    public void Deep_nesting_is_rejected()
    {
        var text = new string('[', 5000) + new string(']', 5000);
        var error = Should.Throw<InputFormatException>(() => YamlLoader.LoadAll(text));
        error.Message.ShouldContain("deeper than");
    }

    [Fact]
    public void Oversized_text_is_rejected_before_parsing()
    {
        var text = new string('#', YamlLoadOptions.Manifest.MaxLength + 1);
        Should.Throw<InputFormatException>(() => YamlLoader.LoadAll(text)).Line.ShouldBe(1);
    }

    [Fact]
    public void Source_maps_nodes_to_locations()
    {
        const string text = "spec:\n  hostNetwork: true\n  nested:\n    a: 1\n";
        var source = new YamlSource("x.yaml", text);
        var root = YamlLoader.LoadAll(text).Single().Root.ShouldBeOfType<YamlMapping>();
        var spec = root.Mapping("spec")!;

        source.Of(spec.Entry("hostNetwork")!).ShouldBe(new Location("x.yaml", 2, 3, 2, 19));
        source.HeadOf(spec.Mapping("nested")!).StartLine.ShouldBe(4);
        source.HeadOf(spec).EndLine.ShouldBe(2);
    }

    [Fact]
    public void A_broken_document_costs_only_itself()
    {
        // Given three documents, the middle one malformed
        const string text = "kind: A\n---\nkind: B\nspec:\n  a: 1\n   b: 2\n---\nkind: C\nlist: [1, 2]\n";

        // When the stream is loaded with recovery
        var stream = YamlLoader.LoadStream(text);

        // Then the good documents are there with their true positions, and the bad one is one positioned error
        stream.Documents.Select(d => ((YamlMapping)d.Root!).ScalarValue("kind")).ShouldBe(["A", "C"]);
        var c = (YamlMapping)stream.Documents[1].Root!;
        c.Entry("list")!.Key.Start.Line.ShouldBe(9);
        c.Entry("list")!.Key.Start.Offset.ShouldBe(text.IndexOf("list", StringComparison.Ordinal));
        stream.Errors.Count.ShouldBe(1);
        stream.Errors[0].Line!.Value.ShouldBeInRange(4, 6);
    }

    [Fact]
    public void Recovery_moves_past_every_broken_document()
    {
        // Given a stream where the first and the last documents are broken, including an unclosed flow sequence
        const string text = "a: [1, 2\n---\nkind: ok\n---\nb: c: d\n";

        var stream = YamlLoader.LoadStream(text);

        stream.Documents.Single().Root.ShouldBeOfType<YamlMapping>().ScalarValue("kind").ShouldBe("ok");
        stream.Errors.Select(e => e.Line).ShouldBe([2, 5]);
    }

    [Fact]
    public void LoadAll_stops_at_the_first_broken_document()
    {
        Should.Throw<InputFormatException>(() => YamlLoader.LoadAll("a: 1\n---\nb: c: d\n")).Line.ShouldBe(3);
    }

    [Fact]
    public void Stream_limits_stop_the_load()
    {
        var options = YamlLoadOptions.Manifest with { MaxDocuments = 2 };
        var stream = YamlLoader.LoadStream("a: 1\n---\nb: 2\n---\nc: 3\n", options);
        stream.Documents.Count.ShouldBe(2);
        stream.Errors.Single().Message.ShouldContain("more than 2 documents");
    }
}
