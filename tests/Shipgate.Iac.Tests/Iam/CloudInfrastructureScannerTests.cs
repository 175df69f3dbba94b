using System.Text;
using Shipgate.Core;

namespace Shipgate.Iac.Tests.Iam;

public sealed class CloudInfrastructureScannerTests
{
    [Theory]
    [InlineData("main.tf", "resource \"a\" \"b\" {}", true)]
    [InlineData("policy.json", "{}", true)]
    [InlineData("bucket-policy.json", "{}", true)]
    [InlineData("iam.json", "{}", true)]
    [InlineData("anything.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}", true)]
    [InlineData("package.json", "{\"name\": \"x\"}", false)]
    [InlineData("template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", true)]
    [InlineData("stack.json", "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}", true)]
    [InlineData("deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\n", false)]
    [InlineData("main.tf.json", "{\"resource\": {}}", false)]
    public void Claims_iac_files_by_name_and_sniff(string name, string content, bool claimed)
    {
        var file = ScanFile.FromBytes(name, Encoding.UTF8.GetBytes(content), name);
        new CloudInfrastructureScanner().Claims(file).ShouldBe(claimed);
    }

    [Fact]
    public async Task Broken_terraform_is_an_input_error_with_position()
    {
        var scanner = new CloudInfrastructureScanner();
        var file = ScanFile.FromBytes("main.tf", Encoding.UTF8.GetBytes("resource \"a\" \"b\" {\n  x = [\n"), "main.tf");
        var error = await Should.ThrowAsync<InputFormatException>(() => scanner.ScanAsync(file, new RuleContext("main.tf", "main.tf", CloudScan.AllRules), CancellationToken.None).AsTask());
        error.Line.ShouldBe(3);
    }

    [Fact]
    public void A_policy_file_that_is_not_json_is_a_malformed_policy_finding()
    {
        var findings = CloudScan.Scan("iam-policy.json", "{ \"Version\": \"2012-10-17\", \"Statement\": [ }");
        var finding = findings.ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("IAM015");
        (finding.Location.StartLine, finding.Location.StartColumn).ShouldBe((1, 43));
    }

    [Fact]
    public void Heredoc_policy_findings_point_into_the_terraform_file()
    {
        const string text = "resource \"aws_iam_policy\" \"p\" {\n  policy = <<EOF\n{\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]\n}\nEOF\n}\n";
        var admin = CloudScan.Scan("main.tf", text).Single(f => f.RuleId == "IAM001");
        $"{admin.Location.StartLine}:{admin.Location.StartColumn}".ShouldBe("4:47");
        admin.Message.ShouldContain("aws_iam_policy.p");
    }
}
