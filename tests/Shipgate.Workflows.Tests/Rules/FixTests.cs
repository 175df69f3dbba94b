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

public sealed class PermissionsFixTests
{
    private static async Task<string> FixAsync(string text, string ruleId = "GHA003")
    {
        var findings = (await FixtureRunner.ScanTextAsync(".github/workflows/ci.yml", text)).Where(f => f.RuleId == ruleId && f.Fix is not null).ToList();
        findings.ShouldNotBeEmpty();
        findings.Select(f => f.Fix).Distinct().Count().ShouldBe(1, "every finding offers the same workflow-wide fix");
        var builder = new StringBuilder(text);
        foreach (var edit in findings[0].Fix!.Edits.OrderByDescending(e => e.Offset))
        {
            builder.Remove(edit.Offset, edit.Length).Insert(edit.Offset, edit.NewText);
        }

        return builder.ToString();
    }

    [Fact]
    public async Task Least_privilege_fix_grants_jobs_what_their_actions_need()
    {
        // Given a workflow without permissions whose jobs use actions that need write scopes
        var text = """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
              release:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                  - uses: softprops/action-gh-release@c95fe1489396fe8a9eb87c0abf8aa5b2ef267fda # v2.2.1
              pages:
                runs-on: ubuntu-latest
                environment: github-pages
                steps:
                  - uses: actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5
              sarif:
                runs-on: ubuntu-latest
                steps:
                  - uses: github/codeql-action/upload-sarif@b6a472f63d85b9c78a3ac5e89422239fc15e9b3c # v3.28.1
                    with:
                      sarif_file: results.sarif
              comment:
                runs-on: ubuntu-latest
                steps:
                  - run: gh pr comment "$PR" --body done
                    env:
                      GH_TOKEN: ${{ github.token }}

            """.Replace("\r\n", "\n", StringComparison.Ordinal);

        // When the fix is applied
        var fixedText = await FixAsync(text);

        // Then the workflow is read-only and each job gets exactly the grants its steps need
        fixedText.ShouldBe("""
            on: push
            permissions:
              contents: read

            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
              release:
                runs-on: ubuntu-latest
                permissions:
                  contents: write
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                  - uses: softprops/action-gh-release@c95fe1489396fe8a9eb87c0abf8aa5b2ef267fda # v2.2.1
              pages:
                runs-on: ubuntu-latest
                environment: github-pages
                permissions:
                  contents: read
                  id-token: write
                  pages: write
                steps:
                  - uses: actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5
              sarif:
                runs-on: ubuntu-latest
                permissions:
                  contents: read
                  security-events: write
                steps:
                  - uses: github/codeql-action/upload-sarif@b6a472f63d85b9c78a3ac5e89422239fc15e9b3c # v3.28.1
                    with:
                      sarif_file: results.sarif
              comment:
                runs-on: ubuntu-latest
                permissions:
                  contents: read
                  pull-requests: write
                steps:
                  - run: gh pr comment "$PR" --body done
                    env:
                      GH_TOKEN: ${{ github.token }}

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        (await FixtureRunner.ScanTextAsync(".github/workflows/ci.yml", fixedText, Persona.Pedantic)).Where(f => f.RuleId == "GHA003").ShouldBeEmpty();
    }

    [Fact]
    public async Task Least_privilege_fix_is_not_offered_when_a_job_calls_a_reusable_workflow()
    {
        var text = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n  b:\n    uses: ./.github/workflows/other.yml\n";
        var findings = (await FixtureRunner.ScanTextAsync(".github/workflows/ci.yml", text)).Where(f => f.RuleId == "GHA003").ToList();
        findings.ShouldNotBeEmpty();
        findings.ShouldAllBe(f => f.Fix == null);
    }

    [Theory]
    [InlineData("aws-actions/configure-aws-credentials@v4", "role-to-assume: arn:aws:iam::1:role/x", "id-token", "write")]
    [InlineData("aws-actions/configure-aws-credentials@v4", "aws-access-key-id: x", null, null)]
    [InlineData("docker/login-action@v3", "registry: ghcr.io", "packages", "write")]
    [InlineData("docker/login-action@v3", "registry: docker.io", null, null)]
    [InlineData("peter-evans/create-pull-request@v7", "title: x", "pull-requests", "write")]
    [InlineData("actions/setup-node@v4", "node-version: 20", null, null)]
    public void Permission_table_reads_inputs(string uses, string with, string? scope, string? level)
    {
        var text = $"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: {uses}\n        with:\n          {with}\n";
        var document = Shipgate.Workflows.GitHubActions.GitHubDocument.Parse(Shipgate.Workflows.GitHubActions.GitHubDocumentKind.Workflow, "ci.yml", text);
        var grants = Shipgate.Workflows.GitHubActions.ActionPermissions.Of(document.Workflow!.Jobs[0]);
        if (scope is null)
        {
            grants.ShouldBeEmpty();
        }
        else
        {
            grants[scope].ShouldBe(level);
        }
    }
}
