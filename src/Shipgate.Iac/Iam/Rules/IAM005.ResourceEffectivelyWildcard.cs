using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class ResourceEffectivelyWildcard : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM005", "resource-effectively-wildcard", "Resource ARN matches every resource of its type",
        Severity.Medium, Confidence.Medium,
        ["parliament:RESOURCE_EFFECTIVELY_STAR"],
        "A Resource is an ARN whose partition, region and account are wildcards and whose resource part is '*' or 'type/*' (for example 'arn:*:cloudtrail:*:*:trail/*'). It reads like a scoped resource but matches everything of that type in every account the principal can reach.",
        "Pin the region and account, and name the resources ('arn:aws:cloudtrail:eu-west-1:123456789012:trail/audit').",
        "least-privilege");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var statement in Allows(document))
        {
            foreach (var resource in statement.Resources.Where(r => r.Known && IsEffectivelyStar(r.Value)))
            {
                yield return Report(context, document, resource.Line, resource.Column,
                    $"{document.Describe(statement)} names '{resource.Value}', which matches every such resource in any region and account.",
                    statement.Name + "|" + resource.Value);
            }
        }
    }

    /// <summary>An ARN with wildcard (or empty) region and account and a resource part of <c>*</c> or <c>type/*</c>.</summary>
    internal static bool IsEffectivelyStar(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn")
        {
            return false;
        }

        var (partition, region, account, resource) = (parts[1], parts[3], parts[4], parts[5]);
        if (region is not ("*" or "") || account is not ("*" or ""))
        {
            return false;
        }

        var slash = resource.IndexOfAny(['/', ':']);
        var allOfType = resource == "*" || (slash > 0 && resource[(slash + 1)..] == "*" && !resource[..slash].Contains('*', StringComparison.Ordinal));
        var anyWildcardScope = partition == "*" || region == "*" || account == "*" || resource == "*";
        return allOfType && anyWildcardScope;
    }
}
