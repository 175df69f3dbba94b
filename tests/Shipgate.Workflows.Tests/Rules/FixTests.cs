using System.Text;
using Shipgate.Core;

namespace Shipgate.Workflows.Tests.Rules;

public sealed class FixTests
{
    private const string Workflow = """
        name: demo
        on: pull_request
        jobs:
          build:
            name: build
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
              - name: greet
                run: |
                  echo "Branch: ${{ github.head_ref }}"
              - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                with:
                  fetch-depth: 0

        """;

    [Theory]
    [InlineData("GHA001")]
    [InlineData("GHA003")]
    [InlineData("GHA005")]
    public async Task Fixes_remove_the_finding_and_keep_the_file_valid(string ruleId)
    {
        // Given findings of the rule with fixes
        var path = ".github/workflows/ci.yml";
        var text = Workflow.Replace("\r\n", "\n", StringComparison.Ordinal);
        var before = (await FixtureRunner.ScanTextAsync(path, text)).Where(f => f.RuleId == ruleId).ToList();
        before.ShouldNotBeEmpty();
        before.ShouldAllBe(f => f.Fix != null);

        // When one fix per distinct insertion point is applied
        var edits = new List<TextEdit>();
        foreach (var finding in before)
        {
            if (!finding.Fix!.Edits.Any(e => edits.Any(t => t.Offset == e.Offset)))
            {
                edits.AddRange(finding.Fix.Edits);
            }
        }

        var builder = new StringBuilder(text);
        foreach (var edit in edits.OrderByDescending(e => e.Offset))
        {
            builder.Remove(edit.Offset, edit.Length).Insert(edit.Offset, edit.NewText);
        }

        // Then the file still parses and the rule no longer fires
        var after = await FixtureRunner.ScanTextAsync(path, builder.ToString());
        after.Where(f => f.RuleId == ruleId).ShouldBeEmpty();
    }

    [Fact]
    public async Task Template_injection_fix_moves_the_expression_to_env()
    {
        var text = Workflow.Replace("\r\n", "\n", StringComparison.Ordinal);
        var finding = (await FixtureRunner.ScanTextAsync(".github/workflows/ci.yml", text)).Single(f => f.RuleId == "GHA001");
        var edits = finding.Fix!.Edits.OrderByDescending(e => e.Offset).ToList();
        var builder = new StringBuilder(text);
        foreach (var edit in edits)
        {
            builder.Remove(edit.Offset, edit.Length).Insert(edit.Offset, edit.NewText);
        }

        var fixedText = builder.ToString();
        fixedText.ShouldContain("echo \"Branch: ${GITHUB_HEAD_REF}\"");
        fixedText.ShouldContain("        env:\n          GITHUB_HEAD_REF: ${{ github.head_ref }}\n");
    }
}
