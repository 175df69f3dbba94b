using Shipgate.Core;
using Shipgate.Iac.Iam;

namespace Shipgate.Iac.CloudFormation.Rules;

internal sealed class CfnLoadBalancerPlainHttp : CloudFormationRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "CFN007", "cfn-load-balancer-plain-http", "Load balancer listener serves plain HTTP",
        Severity.Medium, Confidence.High,
        ["checkov:CKV_AWS_2", "trivy:AWS-0054"],
        "An AWS::ElasticLoadBalancingV2::Listener uses Protocol: HTTP and its default actions do not redirect to HTTPS. Requests, cookies and credentials then cross the network in clear.",
        "Serve HTTPS (Protocol: HTTPS with Certificates and a current SslPolicy) and make the HTTP listener a redirect to HTTPS with StatusCode HTTP_301.",
        "encryption", "network");

    public override IEnumerable<Finding> Analyze(CloudFormationTemplate document, RuleContext context)
    {
        foreach (var listener in document.ResourcesOf("AWS::ElasticLoadBalancingV2::Listener"))
        {
            if (listener.String("Protocol") != "HTTP")
            {
                continue;
            }

            var redirects = listener.Property("DefaultActions").Items().OfType<MapNode>().Any(a => a.Get("Type").AsString() == "redirect"
                && a.Get("RedirectConfig") is MapNode redirect && redirect.Get("Protocol").AsString() is null or "HTTPS");
            if (!redirects)
            {
                yield return Report(context, listener, "Protocol", $"Listener {listener.LogicalId} listens on plain HTTP without redirecting to HTTPS.");
            }
        }
    }
}
