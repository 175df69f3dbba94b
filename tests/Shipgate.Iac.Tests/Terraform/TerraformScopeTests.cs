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
    public void PolicyDocumentData_ResolvesVariables()
    {
        Write("main.tf", """
            data "aws_iam_policy_document" "admin" {
              statement {
                actions   = var.actions
                resources = ["*"]
              }
            }
            """);
        Write("variables.tf", "variable \"actions\" {\n  default = [\"*\"]\n}\n");

        ScanFile("main.tf").ShouldContain(f => f.RuleId.StartsWith("IAM", StringComparison.Ordinal) && f.Location.StartLine == 3);
    }

    [Fact]
    public void WithoutAPath_OnlyTheFileItselfIsUsed()
    {
        var findings = CloudScan.Scan("main.tf", Database + "\nvariable \"public\" {\n  default = true\n}\n");

        findings.ShouldContain(f => f.RuleId == "TF006");
    }

    private const string ModuleDatabase = """
        variable "public" {
          default = false
        }

        resource "aws_db_instance" "main" {
          engine              = "postgres"
          storage_encrypted   = true
          publicly_accessible = var.public
        }
        """;

    [Fact]
    public void LocalModule_ScannedWithTheCallersArguments()
    {
        // Given a module that is safe with its defaults, called once with public = true and once with the default
        Directory.CreateDirectory(Path.Combine(root, "modules", "db"));
        Write("modules/db/main.tf", ModuleDatabase);
        Write("main.tf", "locals {\n  expose = true\n}\n\nmodule \"public_db\" {\n  source = \"./modules/db\"\n  public = local.expose\n}\n\nmodule \"private_db\" {\n  source = \"./modules/db\"\n}\n");

        // When the root module is scanned
        var findings = ScanFile("main.tf");

        // Then only the public call is reported, at its module block, naming the module file and line
        var finding = findings.Single(f => f.RuleId == "TF006");
        finding.Location.StartLine.ShouldBe(5);
        finding.Message.ShouldBe("module.public_db (modules/db/main.tf:8): aws_db_instance.main sets publicly_accessible = true.");

        // And the module scanned on its own reports nothing (its default is safe)
        ScanFile("modules/db/main.tf").ShouldNotContain(f => f.RuleId == "TF006");
    }

    [Fact]
    public void LocalModule_OwnMistakes_AreNotRepeatedAtTheCaller()
    {
        Directory.CreateDirectory(Path.Combine(root, "db"));
        Write("db/main.tf", ModuleDatabase.Replace("var.public", "true", StringComparison.Ordinal));
        Write("main.tf", "module \"db\" {\n  source = \"./db\"\n  public = true\n}\n");

        ScanFile("main.tf").ShouldNotContain(f => f.RuleId == "TF006");
        ScanFile("db/main.tf").ShouldContain(f => f.RuleId == "TF006");
    }

    [Fact]
    public async Task ModuleSources_OutsideTheScannedRoot_AreNotFollowed()
    {
        // Given a scanned folder whose module points outside it (and a registry module, which is never fetched)
        var outside = Path.Combine(root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "main.tf"), ModuleDatabase);
        Directory.CreateDirectory(Path.Combine(root, "project"));
        Write("project/main.tf", "module \"db\" {\n  source = \"../outside\"\n  public = true\n}\n\nmodule \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n");

        // When project/main.tf is scanned with project/ as the root
        var path = Path.Combine(root, "project", "main.tf");
        var file = Shipgate.Core.ScanFile.FromDisk(path, "main.tf", "main.tf", new FileInfo(path).Length);
        var findings = await new CloudInfrastructureScanner().ScanAsync(file, new RuleContext("main.tf", "main.tf", CloudScan.AllRules), CancellationToken.None);

        // Then nothing outside is read
        findings.ShouldNotContain(f => f.RuleId == "TF006");
    }

    [Fact]
    public void NestedModules_AreBoundedAndCyclesEnd()
    {
        // Given a module that calls itself
        Directory.CreateDirectory(Path.Combine(root, "loop"));
        Write("loop/main.tf", ModuleDatabase + "\nmodule \"again\" {\n  source = \"./\"\n  public = var.public\n}\n");
        Write("main.tf", "module \"loop\" {\n  source = \"./loop\"\n  public = true\n}\n");

        // When scanned, the recursion stops at the depth bound: one finding per level
        var findings = ScanFile("main.tf").Where(f => f.RuleId == "TF006").ToList();
        findings.Count.ShouldBe(3);
        findings.Select(f => f.Message).ShouldContain("module.loop.module.again.module.again (loop/main.tf:8): aws_db_instance.main sets publicly_accessible = true.");
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
