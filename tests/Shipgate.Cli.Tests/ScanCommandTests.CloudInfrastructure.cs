using System.Text.Json;
using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

/// <summary>End to end: IAM policies, Terraform and CloudFormation through the real CLI.</summary>
public sealed partial class ScanCommandTests
{
    [Fact]
    public void Scan_Iac_ReportsPolicyAndResourceFindingsAndKeepsGoingAfterBrokenFiles()
    {
        // Given an admin policy in Terraform, an open security group, a broken .tf, a broken template and a policy file
        dir.Write("infra/main.tf", """
            resource "aws_iam_policy" "admin" {
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
              })
            }

            resource "aws_security_group" "ssh" {
              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
            """);
        dir.Write("infra/broken.tf", "resource \"aws_s3_bucket\" \"b\" {\n  acl = \n}\n");
        dir.Write("infra/stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [1, 2\n");
        dir.Write("policies/bucket-policy.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}]}""");

        // When scanning with --only iac
        var run = CliHarness.Run(dir.Path, "scan", "--only", "iac", "-f", "json", "-o", "r.json");

        // Then findings come from all three families and the broken files are errors with positions
        run.ExitCode.ShouldBe(1, run.ToString());
        using var json = JsonDocument.Parse(dir.Read("r.json"));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("ruleId").GetString() + "@" + f.GetProperty("location").GetProperty("path").GetString() + ":" + f.GetProperty("location").GetProperty("startLine").GetInt32())
            .ToList();
        findings.ShouldContain("IAM001@infra/main.tf:4");
        findings.ShouldContain("TF003@infra/main.tf:9");
        findings.ShouldContain("IAM014@policies/bucket-policy.json:1");
        var errors = json.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("path").GetString() + ":" + e.GetProperty("line").GetInt32()).ToList();
        errors.ShouldContain("infra/broken.tf:2");
        errors.ShouldContain(e => e.StartsWith("infra/stack.yaml:", StringComparison.Ordinal));
    }
}
