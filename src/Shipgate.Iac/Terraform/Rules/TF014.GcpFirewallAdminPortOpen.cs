using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class GcpFirewallAdminPortOpen : TerraformRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "TF014", "gcp-firewall-admin-port-open", "GCP firewall allows SSH, RDP or all ports from the internet",
        Severity.High, Confidence.High,
        ["checkov:CKV_GCP_2", "checkov:CKV_GCP_3", "trivy:GCP-0027"],
        "A google_compute_firewall ingress rule allows 0.0.0.0/0 (or ::/0) to reach port 22 (SSH), port 3389 (RDP) or every port. Internet-wide scanners find such ports within minutes.",
        "Restrict source_ranges to known ranges, or use Identity-Aware Proxy TCP forwarding (source range 35.235.240.0/20) and close the ports to the internet.",
        "network", "public-access", "gcp");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        foreach (var firewall in document.ResourcesOf("google_compute_firewall"))
        {
            if ((firewall.String("direction") ?? "INGRESS") != "INGRESS" || firewall.Bool("disabled") == true)
            {
                continue;
            }

            var source = firewall.Strings(firewall.Body, "source_ranges").FirstOrDefault(r => r is "0.0.0.0/0" or "::/0");
            if (source is null)
            {
                continue;
            }

            foreach (var allow in firewall.Body.BlocksOf("allow"))
            {
                var protocol = firewall.String(allow.Body, "protocol")?.ToLowerInvariant();
                if (protocol is not ("tcp" or "all" or "6"))
                {
                    continue;
                }

                var ports = firewall.Strings(allow.Body, "ports");
                var exposed = ports.Count == 0 ? "every port" : Exposed(ports);
                if (exposed is not null)
                {
                    yield return Report(context, allow, $"{firewall.Address} allows {exposed} from {source}.", firewall.Address + "|" + exposed);
                }
            }
        }
    }

    private static string? Exposed(IReadOnlyList<string> ports)
    {
        foreach (var (port, name) in (ReadOnlySpan<(int, string)>)[(22, "SSH (port 22)"), (3389, "RDP (port 3389)")])
        {
            foreach (var range in ports)
            {
                var parts = range.Split('-');
                if (int.TryParse(parts[0], out var from) && int.TryParse(parts[^1], out var to) && from <= port && port <= to)
                {
                    return name;
                }
            }
        }

        return null;
    }
}
