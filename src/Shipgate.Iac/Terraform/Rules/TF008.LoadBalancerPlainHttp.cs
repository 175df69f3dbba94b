using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class LoadBalancerPlainHttp : TerraformRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "TF008", "load-balancer-plain-http", "Load balancer listener serves plain HTTP",
        Severity.Medium, Confidence.High,
        ["checkov:CKV_AWS_2", "trivy:AWS-0054"],
        "An aws_lb_listener (or aws_alb_listener) uses protocol HTTP and does not redirect to HTTPS. Requests, cookies and credentials then cross the network in clear and can be read or changed on the way.",
        "Serve HTTPS (protocol = \"HTTPS\" with a certificate_arn and a current ssl_policy) and make the HTTP listener a redirect with status HTTP_301.",
        "encryption", "network");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        foreach (var listener in document.ResourcesOf("aws_lb_listener", "aws_alb_listener"))
        {
            if (!string.Equals(listener.String("protocol"), "HTTP", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var redirects = listener.Body.BlocksOf("default_action").Any(a => listener.String(a.Body, "type") == "redirect"
                && a.Body.BlocksOf("redirect").Any(r => listener.String(r.Body, "protocol") is null or "HTTPS"));
            if (!redirects)
            {
                yield return Report(context, listener.Attribute("protocol")!, $"{listener.Address} listens on plain HTTP without redirecting to HTTPS.", listener.Address);
            }
        }
    }
}
