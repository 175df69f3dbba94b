namespace Shipgate.Core.Tests.Suppression;

public sealed class InlineSuppressionTests
{
    private static readonly RuleMetadata Rule = new("SEC042", "slack-webhook", "Slack webhook", Category.Secrets, Severity.Medium, Confidence.High);

    [Theory]
    [InlineData("url = x  # shipgate:ignore[SEC042] rotated", "rotated")]
    [InlineData("url = x  // shipgate:ignore[slack-webhook] docs example", "docs example")]
    [InlineData("url = x  <!-- shipgate:ignore[SEC042] html -->", "html")]
    [InlineData("url = x  -- shipgate:ignore[SEC001, SEC042] sql", "sql")]
    [InlineData("url = x  /* shipgate:ignore[sec042] lower case */", "lower case")]
    [InlineData("url = x  # shipgate:ignore all rules", "all rules")]
    [InlineData("url = x  # shipgate:ignore[SEC042]", "inline suppression (no reason given)")]
    public void Find_SameLineMarker_ReturnsTheReason(string line, string reason) =>
        InlineSuppression.Find(Rule, line, null, []).ShouldBe(reason);

    [Theory]
    [InlineData("url = x  # shipgate:ignore[SEC001] other rule")]
    [InlineData("url = x  shipgate:ignore[SEC042] not in a comment")]
    [InlineData("url = x  # shipgate:ignored[SEC042] different word")]
    [InlineData("url = x  # shipgate:ignore[SEC042 unclosed")]
    public void Find_NonMatchingMarker_ReturnsNull(string line) =>
        InlineSuppression.Find(Rule, line, null, []).ShouldBeNull();

    [Fact]
    public void Find_CommentOnlyLineAbove_Applies() =>
        InlineSuppression.Find(Rule, "url = x", "    # shipgate:ignore[SEC042] above", []).ShouldBe("above");

    [Fact]
    public void Find_TrailingCommentOnTheLineAbove_DoesNotApply() =>
        InlineSuppression.Find(Rule, "url = x", "other = y # shipgate:ignore[SEC042] for that line", []).ShouldBeNull();

    [Fact]
    public void Find_ScannerMarker_AppliesOnTheSameLineOnly()
    {
        InlineSuppression.Find(Rule, "url = x # gitleaks:allow", null, ["gitleaks:allow"]).ShouldBe("inline 'gitleaks:allow'");
        InlineSuppression.Find(Rule, "url = x", "# gitleaks:allow", ["gitleaks:allow"]).ShouldBeNull();
    }
}
