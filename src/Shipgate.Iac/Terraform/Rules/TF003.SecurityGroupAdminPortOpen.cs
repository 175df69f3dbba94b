using Shipgate.Core;
using Shipgate.Iac.Terraform.Hcl;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class SecurityGroupAdminPortOpen : TerraformRule
{
    private static readonly string[] Everywhere = ["0.0.0.0/0", "::/0"];

    public override RuleMetadata Metadata { get; } = Define(
        "TF003", "security-group-admin-port-open", "Security group allows SSH, RDP or all ports from the internet",
        Severity.High, Confidence.High,
        ["checkov:CKV_AWS_24", "checkov:CKV_AWS_25", "checkov:CKV_AWS_260", "trivy:AWS-0107"],
        "An AWS security group ingress rule (inline ingress block, aws_security_group_rule or aws_vpc_security_group_ingress_rule) accepts traffic from 0.0.0.0/0 or ::/0 on port 22 (SSH), port 3389 (RDP) or every port. Internet-wide scanners find such ports within minutes and try stolen or weak credentials and known exploits.",
        "Allow administrative ports only from known address ranges (a VPN or bastion), or use AWS Systems Manager Session Manager and close the ports.",
        "network", "public-access");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        foreach (var group in document.ResourcesOf("aws_security_group"))
        {
            foreach (var ingress in group.Body.BlocksOf("ingress"))
            {
                if (Check(group, ingress.Body, "cidr_blocks", "ipv6_cidr_blocks") is { } what)
                {
                    yield return Report(context, ingress, $"{group.Address} allows {what}.", group.Address + "|" + what);
                }
            }
        }

        foreach (var rule in document.ResourcesOf("aws_security_group_rule"))
        {
            if (rule.String("type") == "ingress" && Check(rule, rule.Body, "cidr_blocks", "ipv6_cidr_blocks") is { } what)
            {
                yield return Report(context, rule.Block, $"{rule.Address} allows {what}.", rule.Address + "|" + what);
            }
        }

        foreach (var rule in document.ResourcesOf("aws_vpc_security_group_ingress_rule"))
        {
            if (Check(rule, rule.Body, "cidr_ipv4", "cidr_ipv6", protocolAttribute: "ip_protocol") is { } what)
            {
                yield return Report(context, rule.Block, $"{rule.Address} allows {what}.", rule.Address + "|" + what);
            }
        }
    }

    /// <summary>Describes the exposure when the rule is open to the internet on an administrative port; else null.</summary>
    private static string? Check(TerraformBlock resource, HclBody body, string ipv4, string ipv6, string protocolAttribute = "protocol")
    {
        var sources = resource.Strings(body, ipv4).Concat(resource.Strings(body, ipv6)).Where(s => Everywhere.Contains(s, StringComparer.Ordinal)).ToList();
        if (sources.Count == 0)
        {
            return null;
        }

        var protocol = resource.String(body, protocolAttribute)?.ToLowerInvariant();
        var from = Port(resource.String(body, "from_port"));
        var to = Port(resource.String(body, "to_port"));
        var source = sources[0];
        if (protocol is "-1" or "all")
        {
            return $"all traffic from {source}";
        }

        if (protocol is not ("tcp" or "6" or null))
        {
            return null;
        }

        if (from is null || to is null)
        {
            return resource.Attribute("from_port") is null && body.Attribute("from_port") is null ? $"every TCP port from {source}" : null;
        }

        if (from <= 0 && to >= 65535)
        {
            return $"every TCP port from {source}";
        }

        foreach (var (port, name) in (ReadOnlySpan<(int, string)>)[(22, "SSH"), (3389, "RDP")])
        {
            if (from <= port && port <= to)
            {
                return $"{name} (port {port}) from {source}";
            }
        }

        return null;
    }

    private static int? Port(string? text) => int.TryParse(text, out var port) ? port : null;
}
