namespace Shipgate.Iac.Iam;

/// <summary>What a policy is attached to, which decides which elements it may hold.</summary>
internal enum PolicyKind
{
    /// <summary>Not known (a standalone JSON file, a Terraform policy-document data source).</summary>
    Unknown,

    /// <summary>Attached to a user, group, role or permission set: no Principal, Resource required.</summary>
    Identity,

    /// <summary>Attached to a resource (bucket, queue, key): names a Principal.</summary>
    Resource,

    /// <summary>A role's trust (assume-role) policy: names a Principal, no Resource.</summary>
    Trust,
}

/// <summary>A string from a policy with its position; <see cref="Known"/> is false for values only the deploy tool can resolve.</summary>
internal sealed record PolicyText(string Value, int Line, int Column, bool Known)
{
    public bool IsStar => Known && Value == "*";
}

/// <summary>A structural problem that makes AWS reject (or silently misread) the policy.</summary>
internal sealed record PolicyProblem(string Message, int Line, int Column);

/// <summary>One statement of a policy, with its elements lowered to positioned strings. Immutable.</summary>
internal sealed class PolicyStatement
{
    public required int Index { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    public string? Sid { get; init; }

    /// <summary>The Effect text; null when missing. Unknown (dynamic) effects are kept as their source form.</summary>
    public PolicyText? Effect { get; init; }

    public IReadOnlyList<PolicyText> Actions { get; init; } = [];

    public IReadOnlyList<PolicyText> NotActions { get; init; } = [];

    public IReadOnlyList<PolicyText> Resources { get; init; } = [];

    public IReadOnlyList<PolicyText> NotResources { get; init; } = [];

    public bool HasNotAction { get; init; }

    public bool HasNotResource { get; init; }

    public ValueNode? Principal { get; init; }

    public ValueNode? NotPrincipal { get; init; }

    public ValueNode? Condition { get; init; }

    /// <summary>
    /// True for "Allow" and for a missing Effect (AWS rejects that, but the author meant to grant something, so the
    /// permission rules treat it as an Allow, as Checkov does). False for Deny and for effects that are not static.
    /// </summary>
    public bool IsAllow => Effect is null || (Effect.Known && Effect.Value == "Allow");

    public bool HasCondition => Condition switch
    {
        null => false,
        MapNode map => map.Entries.Count > 0,
        ListNode list => list.Items.Count > 0,
        _ => true,
    };

    /// <summary>True when some Resource is the literal <c>*</c>.</summary>
    public bool ResourceIsStar => Resources.Any(r => r.IsStar);

    /// <summary>How messages name this statement: its Sid when it has one, else its 1-based number.</summary>
    public string Name => string.IsNullOrEmpty(Sid) ? $"statement {Index + 1}" : $"statement '{Sid}'";

    /// <summary>The actions a statement grants that match <paramref name="action"/> (exact or through a wildcard).</summary>
    public PolicyText? Granting(string action) =>
        Actions.FirstOrDefault(a => a.Known && ActionPattern.Matches(a.Value, action));
}

/// <summary>
/// An IAM policy document found somewhere in a file: a standalone JSON file, a Terraform attribute or data source, a
/// CloudFormation property. Built by <see cref="PolicyReader"/>; handed to every IAM rule. Immutable.
/// </summary>
internal sealed class PolicyDocument
{
    public required string Origin { get; init; }

    public required PolicyKind Kind { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    public PolicyText? Version { get; init; }

    public IReadOnlyList<PolicyStatement> Statements { get; init; } = [];

    public IReadOnlyList<PolicyProblem> Problems { get; init; } = [];

    /// <summary>True when at least one statement names a Principal: a resource or trust policy.</summary>
    public bool HasPrincipals => Kind is PolicyKind.Resource or PolicyKind.Trust || Statements.Any(s => s.Principal is not null || s.NotPrincipal is not null);

    /// <summary>Names a statement in a message, including where the policy is when that is not the file itself.</summary>
    public string Describe(PolicyStatement statement) =>
        Origin.Length == 0 ? $"Policy {statement.Name}" : $"Policy {Origin}, {statement.Name},";
}
