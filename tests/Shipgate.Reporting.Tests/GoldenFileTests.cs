namespace Shipgate.Reporting.Tests;

public sealed class GoldenFileTests
{
    [Fact]
    public void Diff_should_show_removed_then_added_lines_with_context()
    {
        var diff = GoldenFile.Diff("a\nb\nc\nd\n", "a\nB\nc\nd\n");

        diff.ShouldBe("  a\n- b\n+ B\n  c\n  d\n  \n");
    }

    [Fact]
    public void Diff_should_make_carriage_returns_visible()
    {
        var diff = GoldenFile.Diff("x\n", "x\r\n");

        diff.ShouldContain("+ x␍");
    }
}
