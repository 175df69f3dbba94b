using Shipgate.Core;
using Shipgate.Iac.CloudFormation;
using Shipgate.Iac.Iam;
using Shipgate.Iac.Terraform;

namespace Shipgate.Iac.Tests.Iam;

public sealed class PolicyReadingTests
{
    [Fact]
    public void Json_reader_keeps_positions_and_tolerates_trailing_commas()
    {
        var root = PositionedJson.Parse("{\n  \"a\": [1, \"x\",],\n  \"b\": {\"c\": true},\n}").ShouldBeOfType<MapNode>();
        var a = root.Entry("a")!;
        (a.Line, a.Column).ShouldBe((2, 3));
        a.Value.ShouldBeOfType<ListNode>().Items[1].ShouldBe(new ScalarNode("x", ScalarKind.String, 2, 12));
        root.Get("b").ShouldBeOfType<MapNode>().Get("c").AsScalarText().ShouldBe("true");
    }

    [Theory]
    [InlineData("{\"a\": }", 1, 7)]
    [InlineData("{\"a\": 1", 1, 8)]
    [InlineData("not json", 1, 1)]
    [InlineData("{\"a\": \"x\\q\"}", 1, 9)]
    [InlineData("[1] [2]", 1, 5)]
    public void Json_reader_reports_errors_with_positions(string text, int line, int column)
    {
        var error = Should.Throw<InputFormatException>(() => PositionedJson.Parse(text));
        $"{error.Line}:{error.Column}".ShouldBe($"{line}:{column}");
    }

    [Fact]
    public void Json_reader_caps_depth()
    {
        Should.Throw<InputFormatException>(() => PositionedJson.Parse(new string('[', 1000) + new string(']', 1000)))
            .Message.ShouldContain("nesting deeper");
    }

    [Theory]
    [InlineData("s3:*", "s3:GetObject", true)]
    [InlineData("S3:get*", "s3:GetObject", true)]
    [InlineData("s3:Get?bject", "s3:GetObject", true)]
    [InlineData("s3:Put*", "s3:GetObject", false)]
    [InlineData("*", "iam:PassRole", true)]
    [InlineData("iam:Pass*Role", "iam:PassRole", true)]
    public void Action_patterns_match_like_aws(string pattern, string action, bool matches)
    {
        ActionPattern.Matches(pattern, action).ShouldBe(matches);
    }

    [Fact]
    public void Finds_policies_in_cli_output_wrappers()
    {
        // Given `aws iam get-policy-version` output and `aws s3api get-bucket-policy` output
        const string version = """{"PolicyVersion": {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}, "VersionId": "v1"}}""";
        const string bucket = """{"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}"}""";

        // Then both documents are found
        PolicyLocator.Find(PositionedJson.Parse(version)).ShouldHaveSingleItem().Origin.ShouldBe("PolicyVersion.Document");
        var policy = PolicyLocator.Find(PositionedJson.Parse(bucket)).ShouldHaveSingleItem();
        policy.Statements.Single().Principal.AsString().ShouldBe("*");
    }

    [Fact]
    public void Lowers_policy_document_data_sources()
    {
        const string text = """
            data "aws_iam_policy_document" "p" {
              statement {
                sid       = "Read"
                actions   = ["s3:GetObject"]
                resources = ["${aws_s3_bucket.b.arn}/*"]
                condition {
                  test     = "StringEquals"
                  variable = "aws:PrincipalOrgID"
                  values   = ["o-123"]
                }
              }
              statement {
                effect     = "Deny"
                not_actions = ["iam:*"]
                resources  = ["*"]
              }
            }
            """;
        var file = TerraformReader.Read(text);
        var policy = file.Policies.ShouldHaveSingleItem();
        policy.Origin.ShouldBe("data.aws_iam_policy_document.p");
        policy.Problems.ShouldBeEmpty();
        policy.Statements[0].IsAllow.ShouldBeTrue();
        policy.Statements[0].Resources.Single().Known.ShouldBeFalse();
        policy.Statements[0].HasCondition.ShouldBeTrue();
        $"{policy.Statements[0].Actions[0].Line}:{policy.Statements[0].Actions[0].Column}".ShouldBe("4:18");
        policy.Statements[1].IsAllow.ShouldBeFalse();
        policy.Statements[1].HasNotAction.ShouldBeTrue();
    }

    [Fact]
    public void Reads_cloudformation_intrinsic_tags_as_unknown_values()
    {
        const string text = """
            Resources:
              Policy:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [s3:GetObject]
                        Resource: !Sub "arn:aws:s3:::${Bucket}/*"
                      - Effect: Allow
                        Action: s3:ListBucket
                        Resource: !Join
                          - ""
                          - ["arn:aws:s3:::", !Ref Bucket]
                      - Effect: Allow
                        Action: sqs:SendMessage
                        Resource: { "Fn::GetAtt": [Queue, Arn] }
            """;
        var template = TemplateReader.Read(text, json: false);
        var statements = template.Policies.ShouldHaveSingleItem().Statements;
        statements.Count.ShouldBe(3);
        statements.ShouldAllBe(s => s.Resources.Count == 1 && !s.Resources[0].Known);
        statements[0].Resources[0].Value.ShouldStartWith("!Sub");
    }

    [Fact]
    public void Reports_broken_yaml_with_position()
    {
        var error = Should.Throw<InputFormatException>(() => TemplateReader.Read("Resources:\n  A: [1, 2\n  B: x\n", json: false));
        error.Line.ShouldNotBeNull();
        error.Message.ShouldStartWith("invalid YAML");
    }
}
