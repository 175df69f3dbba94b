using Shipgate.Workflows.Yaml;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Tests.Yaml;

public sealed class SourceTextTests
{
    [Fact]
    public void Source_text_maps_value_offsets_in_block_scalars()
    {
        var text = "run: |\n  echo one\n  echo ${{ x }}\n";
        var root = (YamlMapping)YamlLoader.Load(text)!;
        var run = (YamlScalar)root["run"]!;
        var source = new SourceText("f.yml", text);
        var at = run.Value.IndexOf("${{", StringComparison.Ordinal);
        var location = source.Of(run, at, 3);
        location.StartLine.ShouldBe(3);
        location.StartColumn.ShouldBe(8);
    }
}
