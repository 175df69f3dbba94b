using Shipgate.Core;
using Shipgate.Iac.Iam;

namespace Shipgate.Iac.CloudFormation.Rules;

internal sealed class CfnSecurityGroupAdminPortOpen : CloudFormationRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "CFN003", "cfn-security-group-admin-port-open", "Security group allows SSH, RDP or all ports from the internet",
        Severity.High, Confidence.High,
        ["checkov:CKV_AWS_24", "checkov:CKV_AWS_25", "checkov:CKV_AWS_260", "trivy:AWS-0107"],
        "An AWS::EC2::SecurityGroup ingress entry (or an AWS::EC2::SecurityGroupIngress resource) accepts traffic from 0.0.0.0/0 or ::/0 on port 22 (SSH), port 3389 (RDP) or every port. Internet-wide scanners find such ports within minutes.",
        "Allow administrative ports only from known ranges (a VPN or bastion), or use AWS Systems Manager Session Manager and close them.",
        "network", "public-access");

    public override IEnumerable<Finding> Analyze(CloudFormationTemplate document, RuleContext context)
    {
        foreach (var group in document.ResourcesOf("AWS::EC2::SecurityGroup"))
        {
            foreach (var rule in group.Property("SecurityGroupIngress").Items().OfType<MapNode>())
            {
                if (Exposure(rule) is { } what)
                {
                    yield return Report(context, rule.Line, rule.Column, $"Security group {group.LogicalId} allows {what}.", group.LogicalId + "|" + what);
                }
            }
        }

        foreach (var ingress in document.ResourcesOf("AWS::EC2::SecurityGroupIngress"))
        {
            if (Exposure(ingress.Properties) is { } what)
            {
                yield return Report(context, ingress.Entry.Line, ingress.Entry.Column, $"Ingress rule {ingress.LogicalId} allows {what}.", ingress.LogicalId + "|" + what);
            }
        }
    }

    private static string? Exposure(MapNode rule)
    {
        var source = rule.Get("CidrIp").AsString() is "0.0.0.0/0" ? "0.0.0.0/0" : rule.Get("CidrIpv6").AsString() is "::/0" ? "::/0" : null;
        if (source is null)
        {
            return null;
        }

        var protocol = rule.Get("IpProtocol").AsScalarText()?.ToLowerInvariant();
        if (protocol is "-1" or "all")
        {
            return $"all traffic from {source}";
        }

        if (protocol is not ("tcp" or "6"))
        {
            return null;
        }

        if (!int.TryParse(rule.Get("FromPort").AsScalarText(), out var from) || !int.TryParse(rule.Get("ToPort").AsScalarText(), out var to))
        {
            return null;
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
}
