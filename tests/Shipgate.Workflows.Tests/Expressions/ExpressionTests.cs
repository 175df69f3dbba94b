using Shipgate.Workflows.Expressions;

namespace Shipgate.Workflows.Tests.Expressions;

public sealed class ExpressionTests
{
    [Theory]
    [InlineData("github.event.issue.title", "github.event.issue.title")]
    [InlineData("github['event']['issue']['number']", "github.event.issue.number")]
    [InlineData("GitHub.Event.Commits[0].Message", "github.event.commits.*.message")]
    [InlineData("needs.*.result", "needs.*.result")]
    public void Context_patterns_are_normalised(string text, string pattern) =>
        ContextAccess.PatternOf(ExpressionParser.Parse(text)).ShouldBe(pattern);

    [Fact]
    public void Call_led_contexts_have_no_pattern() =>
        ContextAccess.PatternOf(ExpressionParser.Parse("fromJSON(x).a")).ShouldBeNull();

    [Theory]
    [InlineData("1 == 1", true)]
    [InlineData("'ABC' == 'abc'", true)]
    [InlineData("'1' == 1", true)]
    [InlineData("null == 0", true)]
    [InlineData("!''", true)]
    [InlineData("1 > 2 || true", true)]
    [InlineData("true && false", false)]
    [InlineData("startsWith('Hello', 'he')", true)]
    [InlineData("endsWith('Hello', 'LO')", true)]
    [InlineData("contains('abc', 'B')", true)]
    public void Constant_expressions_evaluate_like_the_runner(string text, bool expected) =>
        ExpressionEvaluator.TryEvaluate(ExpressionParser.Parse(text))!.IsTruthy.ShouldBe(expected);

    [Fact]
    public void Format_substitutes_and_unescapes() =>
        ExpressionEvaluator.TryEvaluate(ExpressionParser.Parse("format('{{{0}}} {1}', 'a', 2)"))!.AsString().ShouldBe("{a} 2");

    [Fact]
    public void Context_reads_are_not_constant() =>
        ExpressionEvaluator.TryEvaluate(ExpressionParser.Parse("github.ref == 'x'")).ShouldBeNull();

    [Fact]
    public void Dataflow_skips_comparisons_and_the_left_of_and()
    {
        var contexts = ExpressionAnalysis.DataflowContexts(ExpressionParser.Parse("a.b == 'x' && c.d || format('{0}', e.f)"));
        contexts.Select(c => c.Pattern).ShouldBe(["c.d", "e.f"]);
    }

    [Theory]
    [InlineData("a ==")]
    [InlineData("'unterminated")]
    [InlineData("f(a,")]
    [InlineData("a[1")]
    [InlineData("@")]
    public void Malformed_expressions_fail_with_an_offset(string text) =>
        Should.Throw<ExpressionException>(() => ExpressionParser.Parse(text));

    [Fact]
    public void Deep_nesting_is_bounded() =>
        Should.Throw<ExpressionException>(() => ExpressionParser.Parse(new string('(', 500) + "a" + new string(')', 500)));

    [Fact]
    public void Template_expressions_are_found_with_offsets()
    {
        var found = TemplateExpression.FindAll("a ${{ x }} b ${{ '}}' }}");
        found.Count.ShouldBe(2);
        found[1].Body.ShouldBe(" '}}' ");
        found[0].Start.ShouldBe(2);
    }
}
