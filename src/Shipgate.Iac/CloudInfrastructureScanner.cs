using Shipgate.Core;
using Shipgate.Iac.CloudFormation;
using Shipgate.Iac.Iam;
using Shipgate.Iac.Terraform;

namespace Shipgate.Iac;

/// <summary>
/// The iac domain's entry point for cloud infrastructure: standalone IAM policy JSON, Terraform (<c>*.tf</c>) and
/// CloudFormation templates (YAML or JSON). Each file is parsed once; IAM policies found anywhere in it (JSON files,
/// <c>jsonencode</c>, heredocs, <c>aws_iam_policy_document</c>, <c>PolicyDocument</c> properties) go through the IAM
/// rules, and the file's resources through its family's rules. Thread-safe: rules and parsers are stateless.
/// </summary>
public sealed partial class CloudInfrastructureScanner : IScanner
{
    /// <summary>Larger files are reported as errors rather than parsed.</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    private const int SniffBytes = 64 * 1024;

    private readonly IReadOnlyList<IamRule> iamRules;
    private readonly IReadOnlyList<TerraformRule> terraformRules;
    private readonly IReadOnlyList<CloudFormationRule> cloudFormationRules;

    public CloudInfrastructureScanner()
    {
        iamRules = IamRules.Create();
        terraformRules = TerraformRules.Create();
        cloudFormationRules = CloudFormationRules.Create();
        Rules = [.. iamRules, .. terraformRules, .. cloudFormationRules];
    }

    public Category Category => Category.Iac;

    public IReadOnlyList<IRule> Rules { get; }

    public bool Claims(ScanFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return KindOf(file) != FileKind.None;
    }

    public ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        if (file.Length > MaxFileBytes)
        {
            throw new InputFormatException($"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB", 1, 1);
        }

        var findings = new List<Finding>();
        switch (KindOf(file))
        {
            case FileKind.IamPolicy:
                RunPolicyRules(JsonPolicyFile.Read(file.ReadAllText()), context, findings, cancellationToken);
                break;
            case FileKind.Terraform:
                var terraform = TerraformReader.Read(file.ReadAllText(), file.FullPath);
                RunPolicyRules(terraform.Policies, context, findings, cancellationToken);
                RunRules(terraformRules, terraform, context, findings, cancellationToken);
                if (file.FullPath is { } fullPath && ScanRoot(fullPath, file.RelativePath) is { } root)
                {
                    AddModuleFindings(terraform, fullPath, root, Path.GetDirectoryName(Path.GetFullPath(fullPath))!, null, "", 1, context, findings, cancellationToken);
                }

                break;
            case FileKind.CloudFormationJson or FileKind.CloudFormationYaml:
                var template = TemplateReader.Read(file.ReadAllText(), json: KindOf(file) == FileKind.CloudFormationJson);
                RunPolicyRules(template.Policies, context, findings, cancellationToken);
                RunRules(cloudFormationRules, template, context, findings, cancellationToken);
                break;
        }

        return ValueTask.FromResult<IReadOnlyList<Finding>>(findings);
    }

    /// <summary>
    /// Findings that the local modules called from <paramref name="caller"/> have only with the caller's arguments (a
    /// module's own mistakes are reported in its own files), shown at the top-level <c>module</c> block.
    /// </summary>
    private void AddModuleFindings(TerraformFile caller, string callerPath, string root, string baseDirectory, Terraform.Hcl.HclBlock? anchor, string chain, int depth, RuleContext context, List<Finding> findings, CancellationToken cancellationToken)
    {
        foreach (var call in TerraformModules.Calls(caller, callerPath, root))
        {
            var block = anchor ?? call.Block;
            var prefix = chain + "module." + call.Name;
            foreach (var file in call.Files)
            {
                var standalone = new List<Finding>();
                RunPolicyRules(file.Standalone.Policies, context, standalone, cancellationToken);
                RunRules(terraformRules, file.Standalone, context, standalone, cancellationToken);
                var known = standalone.Select(f => (f.RuleId, f.Location.StartLine, f.Message)).ToHashSet();
                var withArguments = new List<Finding>();
                RunPolicyRules(file.WithArguments.Policies, context, withArguments, cancellationToken);
                RunRules(terraformRules, file.WithArguments, context, withArguments, cancellationToken);
                var relative = Path.GetRelativePath(baseDirectory, file.FullPath).Replace('\\', '/');
                foreach (var finding in withArguments.Where(f => !known.Contains((f.RuleId, f.Location.StartLine, f.Message))))
                {
                    findings.Add(finding with
                    {
                        Location = Location.Point(context.DisplayPath, block.Line, block.Column),
                        Message = $"{prefix} ({relative}:{finding.Location.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture)}): {finding.Message}",
                        Fingerprint = Fingerprints.Compute(finding.RuleId, context.IdentityPath, prefix + " " + finding.Fingerprint),
                    });
                }

                if (depth < TerraformModules.MaxDepth)
                {
                    AddModuleFindings(file.WithArguments, file.FullPath, root, baseDirectory, block, prefix + ".", depth + 1, context, findings, cancellationToken);
                }
            }
        }
    }

    /// <summary>The folder the scan started from: the full path without the file's scan-relative path.</summary>
    private static string? ScanRoot(string fullPath, string relativePath)
    {
        var full = Path.GetFullPath(fullPath);
        var relative = relativePath.Replace('/', Path.DirectorySeparatorChar).TrimStart(Path.DirectorySeparatorChar);
        return relative.Length > 0 && full.EndsWith(Path.DirectorySeparatorChar + relative, StringComparison.Ordinal)
            ? full[..^relative.Length]
            : Path.GetDirectoryName(full);
    }

    internal void RunPolicyRules(IEnumerable<PolicyDocument> policies, RuleContext context, List<Finding> findings, CancellationToken cancellationToken)
    {
        foreach (var policy in policies)
        {
            foreach (var rule in iamRules)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (context.IsEnabled(rule))
                {
                    findings.AddRange(rule.Analyze(policy, context));
                }
            }
        }
    }

    private static void RunRules<TDocument>(IEnumerable<Rule<TDocument>> rules, TDocument document, RuleContext context, List<Finding> findings, CancellationToken cancellationToken)
    {
        foreach (var rule in rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (context.IsEnabled(rule))
            {
                findings.AddRange(rule.Analyze(document, context));
            }
        }
    }

    private enum FileKind
    {
        None,
        IamPolicy,
        Terraform,
        CloudFormationJson,
        CloudFormationYaml,
    }

    private static FileKind KindOf(ScanFile file)
    {
        var name = file.Name;
        if (name.EndsWith(".tf", StringComparison.OrdinalIgnoreCase))
        {
            return FileKind.Terraform;
        }

        if (JsonPolicyFile.IsJsonName(name))
        {
            if (file.IsBinary)
            {
                return FileKind.None;
            }

            var head = Head(file);
            if (LooksLikeCloudFormation(head))
            {
                return FileKind.CloudFormationJson;
            }

            return JsonPolicyFile.IsPolicyName(name) || head.Contains("\"Statement\"", StringComparison.Ordinal) ? FileKind.IamPolicy : FileKind.None;
        }

        if (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".template", StringComparison.OrdinalIgnoreCase))
        {
            return !file.IsBinary && LooksLikeCloudFormation(Head(file)) ? FileKind.CloudFormationYaml : FileKind.None;
        }

        return FileKind.None;
    }

    private static bool LooksLikeCloudFormation(string head) =>
        head.Contains("AWSTemplateFormatVersion", StringComparison.Ordinal)
        || (head.Contains("Resources", StringComparison.Ordinal) && head.Contains("AWS::", StringComparison.Ordinal));

    private static string Head(ScanFile file)
    {
        if (file.Length <= SniffBytes)
        {
            return file.ReadAllText();
        }

        using var stream = file.OpenRead();
        var buffer = new byte[SniffBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return TextDecoder.Decode(buffer.AsSpan(0, read));
    }
}
