using Shipgate.Core;
using Shipgate.Iac.Tests.Iam;

namespace Shipgate.Iac.Tests.Terraform;

public sealed class TerraformScopeTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "shipgate-tf-" + Guid.NewGuid().ToString("n"));

    public TerraformScopeTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    private const string Database = """
        resource "aws_db_instance" "main" {
          engine              = "postgres"
          publicly_accessible = var.public
          storage_encrypted   = local.encrypted
        }
        """;

    [Fact]
    public void VariableDefaultAndLocal_FromSiblingFiles_AreResolved()
    {
        // Given a module whose variable default and local (defined in other files) make the database public and unencrypted
        Write("main.tf", Database);
        Write("variables.tf", "variable \"public\" {\n  type    = bool\n  default = true\n}\n");
        Write("locals.tf", "locals {\n  plain     = false\n  encrypted = local.plain\n}\n");

        // When main.tf is scanned
        var findings = ScanFile("main.tf");

        // Then both rules fire at the attributes in main.tf
        findings.ShouldContain(f => f.RuleId == "TF006" && f.Location.StartLine == 3);
        findings.ShouldContain(f => f.RuleId == "TF005" && f.Location.StartLine == 4);
    }

    [Fact]
    public void TerraformTfvars_OverridesTheDefault()
    {
        // Given a default that is unsafe but a terraform.tfvars (loaded by Terraform automatically) that fixes it
        Write("main.tf", Database);
        Write("variables.tf", "variable \"public\" {\n  default = true\n}\n");
        Write("locals.tf", "locals {\n  encrypted = true\n}\n");
        Write("terraform.tfvars", "public = false\n");
        Write("staging.tfvars", "public = true\n");

        var findings = ScanFile("main.tf");

        // Then nothing fires: staging.tfvars applies only with -var-file
        findings.ShouldNotContain(f => f.RuleId == "TF006" || f.RuleId == "TF005");
    }

    [Fact]
    public void AutoTfvars_OverrideTerraformTfvars()
    {
        Write("main.tf", Database);
        Write("variables.tf", "variable \"public\" {}\n");
        Write("locals.tf", "locals {\n  encrypted = true\n}\n");
        Write("terraform.tfvars", "public = false\n");
        Write("prod.auto.tfvars", "public = true\n");

        ScanFile("main.tf").ShouldContain(f => f.RuleId == "TF006");
    }

    [Fact]
    public void UnknownAndCyclicReferences_StayUnknown()
    {
        // Given a variable without default and two locals that refer to each other
        Write("main.tf", Database + "\nlocals {\n  a = local.b\n  b = local.a\n  encrypted = local.a\n}\nvariable \"public\" {}\n");

        var findings = ScanFile("main.tf");

        // Then neither rule fires (unknown is not insecure) and nothing crashes
        findings.ShouldNotContain(f => f.RuleId == "TF006" || f.RuleId == "TF005");
    }

    [Fact]
    public void IamPolicy_InALocal_IsAnalysed()
    {
        Write("main.tf", """
            locals {
              admin = {
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
              }
            }

            resource "aws_iam_policy" "admin" {
              policy = jsonencode(local.admin)
            }
            """);

        ScanFile("main.tf").ShouldContain(f => f.RuleId.StartsWith("IAM", StringComparison.Ordinal) && f.Location.StartLine == 9);
    }

    [Fact]
    public void WithoutAPath_OnlyTheFileItselfIsUsed()
    {
        var findings = CloudScan.Scan("main.tf", Database + "\nvariable \"public\" {\n  default = true\n}\n");

        findings.ShouldContain(f => f.RuleId == "TF006");
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(root, name), text);

    private IReadOnlyList<Finding> ScanFile(string name)
    {
        var path = Path.Combine(root, name);
        var file = Shipgate.Core.ScanFile.FromDisk(path, name, name, new FileInfo(path).Length);
        var scanner = new CloudInfrastructureScanner();
        scanner.Claims(file).ShouldBeTrue();
        return scanner.ScanAsync(file, new RuleContext(name, name, CloudScan.AllRules), CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }
}
