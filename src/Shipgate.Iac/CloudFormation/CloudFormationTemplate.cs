using Shipgate.Core;
using Shipgate.Iac.Iam;

namespace Shipgate.Iac.CloudFormation;

/// <summary>One entry of a template's Resources: logical id, type and properties, with typed property access.</summary>
internal sealed class TemplateResource
{
    public required string LogicalId { get; init; }

    public required string Type { get; init; }

    public required MapEntry Entry { get; init; }

    public required MapNode Properties { get; init; }

    /// <summary>The property value, or null when absent.</summary>
    public ValueNode? Property(string name) => Properties.Get(name);

    /// <summary>True/false for a boolean (or "true"/"false" string) property; null when absent or not static.</summary>
    public static bool? Bool(ValueNode? value) => value.AsScalarText()?.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public bool? Bool(string name) => Bool(Property(name));

    public string? String(string name) => Property(name).AsScalarText();

    /// <summary>Where a finding about a property points: the property's key, else the resource's logical id.</summary>
    public (int Line, int Column) PositionOf(string property) =>
        Properties.Entry(property) is { } entry ? (entry.Line, entry.Column) : (Entry.Line, Entry.Column);
}

/// <summary>
/// A parsed CloudFormation template (YAML or JSON): its resources and the IAM policies in them. Built once by
/// <see cref="TemplateReader"/> and handed to every CFN rule. Immutable.
/// </summary>
internal sealed class CloudFormationTemplate
{
    public required IReadOnlyList<TemplateResource> Resources { get; init; }

    public required IReadOnlyList<PolicyDocument> Policies { get; init; }

    public IEnumerable<TemplateResource> ResourcesOf(params string[] types) => Resources.Where(r => types.Contains(r.Type, StringComparer.Ordinal));
}

/// <summary>
/// Reads a template and finds its policies: <c>PolicyDocument</c> of AWS::IAM::Policy/ManagedPolicy and bucket,
/// queue and topic policies, a role's <c>AssumeRolePolicyDocument</c>, inline <c>Policies[].PolicyDocument</c> of
/// roles, users and groups, and <c>KeyPolicy</c> of KMS keys. Stateless.
/// </summary>
internal static class TemplateReader
{
    public static CloudFormationTemplate Read(string text, bool json)
    {
        var root = TemplateYaml.LowerIntrinsics(json ? PositionedJson.Parse(text) : TemplateYaml.Parse(text));
        var resources = new List<TemplateResource>();
        if (root is MapNode map && map.Get("Resources") is MapNode entries)
        {
            foreach (var entry in entries.Entries)
            {
                if (entry.Value is MapNode resource && resource.Get("Type").AsString() is { } type)
                {
                    resources.Add(new TemplateResource
                    {
                        LogicalId = entry.Key,
                        Type = type,
                        Entry = entry,
                        Properties = resource.Get("Properties") as MapNode ?? new MapNode([], entry.Line, entry.Column),
                    });
                }
            }
        }

        var policies = new List<PolicyDocument>();
        foreach (var resource in resources)
        {
            Collect(resource, policies);
        }

        return new CloudFormationTemplate { Resources = resources, Policies = policies };
    }

    private static void Collect(TemplateResource resource, List<PolicyDocument> policies)
    {
        switch (resource.Type)
        {
            case "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy":
                Add(resource.Property("PolicyDocument"), resource.LogicalId, PolicyKind.Identity, policies);
                break;
            case "AWS::IAM::Role" or "AWS::IAM::User" or "AWS::IAM::Group":
                Add(resource.Property("AssumeRolePolicyDocument"), resource.LogicalId, PolicyKind.Trust, policies);
                foreach (var inline in resource.Property("Policies").Items().OfType<MapNode>())
                {
                    var name = inline.Get("PolicyName").AsString();
                    Add(inline.Get("PolicyDocument"), name is null ? resource.LogicalId : $"{resource.LogicalId} ({name})", PolicyKind.Identity, policies);
                }

                break;
            case "AWS::S3::BucketPolicy" or "AWS::SQS::QueuePolicy" or "AWS::SNS::TopicPolicy":
                Add(resource.Property("PolicyDocument"), resource.LogicalId, PolicyKind.Resource, policies);
                break;
            case "AWS::KMS::Key":
                Add(resource.Property("KeyPolicy"), resource.LogicalId, PolicyKind.Resource, policies);
                break;
            case "AWS::SecretsManager::ResourcePolicy":
                Add(resource.Property("ResourcePolicy"), resource.LogicalId, PolicyKind.Resource, policies);
                break;
        }
    }

    private static void Add(ValueNode? value, string origin, PolicyKind kind, List<PolicyDocument> policies)
    {
        if (value is not null && PolicyLocator.AsPolicy(value) is { } document)
        {
            policies.Add(PolicyReader.Read(document, origin, kind));
        }
    }
}

/// <summary>
/// The base of every CloudFormation rule: a <see cref="Rule{TDocument}"/> over <see cref="CloudFormationTemplate"/>
/// with metadata in the iac category. Stateless.
/// </summary>
internal abstract class CloudFormationRule : Rule<CloudFormationTemplate>
{
    protected static RuleMetadata Define(
        string id,
        string name,
        string title,
        Severity severity,
        Confidence confidence,
        string[] equivalents,
        string description,
        string remediation,
        params string[] tags) =>
        Describe(Category.Iac, id, name, title, severity, confidence, equivalents, description, remediation, RuleStatus.Stable, ["security", "cloudformation", .. tags]);

    protected Finding Report(RuleContext context, int line, int column, string message, string material) =>
        context.Report(this, Location.Point(context.DisplayPath, line, column), message, material);

    protected Finding Report(RuleContext context, TemplateResource resource, string property, string message) =>
        Report(context, resource.PositionOf(property).Line, resource.PositionOf(property).Column, message, resource.LogicalId + "|" + property);
}
