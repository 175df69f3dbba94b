namespace Shipgate.Iac.Iam;

/// <summary>
/// Lowers a positioned value (from JSON, HCL or YAML) to a <see cref="PolicyDocument"/>, collecting every structural
/// problem instead of stopping at the first: unknown elements, bad Version or Effect, Action and NotAction together,
/// missing Action, malformed action names. Stateless.
/// </summary>
internal static class PolicyReader
{
    private static readonly string[] TopLevelKeys = ["Version", "Id", "Statement"];

    private static readonly string[] StatementKeys =
        ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    private static readonly string[] Versions = ["2012-10-17", "2008-10-17"];

    /// <summary>True when a value has the shape of a policy document: an object with a Statement element.</summary>
    public static bool LooksLikePolicy(ValueNode? node) => node is MapNode map && map.Get("Statement") is not null;

    public static PolicyDocument Read(ValueNode root, string origin, PolicyKind kind)
    {
        ArgumentNullException.ThrowIfNull(root);
        var problems = new List<PolicyProblem>();
        if (root is not MapNode map)
        {
            problems.Add(new PolicyProblem("the policy document is not an object", root.Line, root.Column));
            return new PolicyDocument { Origin = origin, Kind = kind, Line = root.Line, Column = root.Column, Problems = problems };
        }

        foreach (var entry in map.Entries)
        {
            if (!TopLevelKeys.Contains(entry.Key, StringComparer.Ordinal))
            {
                problems.Add(new PolicyProblem($"unknown policy element '{entry.Key}' (expected Version, Id, Statement)", entry.Line, entry.Column));
            }
        }

        var version = Text(map.Get("Version"));
        if (version is { Known: true } && !Versions.Contains(version.Value, StringComparer.Ordinal))
        {
            problems.Add(new PolicyProblem($"Version '{version.Value}' is not a policy language version (use 2012-10-17)", version.Line, version.Column));
        }

        var statements = new List<PolicyStatement>();
        var statementNode = map.Get("Statement");
        if (statementNode is null)
        {
            problems.Add(new PolicyProblem("the policy has no Statement element", map.Line, map.Column));
        }
        else
        {
            foreach (var item in statementNode.Items())
            {
                if (item is MapNode statement)
                {
                    statements.Add(ReadStatement(statement, statements.Count, kind, problems));
                }
                else if (item is not UnknownNode)
                {
                    problems.Add(new PolicyProblem("a Statement entry is not an object", item.Line, item.Column));
                }
            }
        }

        return new PolicyDocument
        {
            Origin = origin,
            Kind = kind,
            Line = map.Line,
            Column = map.Column,
            Version = version,
            Statements = statements,
            Problems = problems,
        };
    }

    private static PolicyStatement ReadStatement(MapNode node, int index, PolicyKind kind, List<PolicyProblem> problems)
    {
        foreach (var entry in node.Entries)
        {
            if (!StatementKeys.Contains(entry.Key, StringComparer.Ordinal))
            {
                problems.Add(new PolicyProblem($"unknown statement element '{entry.Key}'", entry.Line, entry.Column));
            }
        }

        var effect = Text(node.Get("Effect"));
        if (effect is null)
        {
            problems.Add(new PolicyProblem("the statement has no Effect (use Allow or Deny)", node.Line, node.Column));
        }
        else if (effect.Known && effect.Value is not ("Allow" or "Deny"))
        {
            problems.Add(new PolicyProblem($"Effect '{effect.Value}' is neither Allow nor Deny (the value is case-sensitive)", effect.Line, effect.Column));
        }

        var action = node.Entry("Action");
        var notAction = node.Entry("NotAction");
        if (action is null && notAction is null)
        {
            problems.Add(new PolicyProblem("the statement has neither Action nor NotAction", node.Line, node.Column));
        }
        else if (action is not null && notAction is not null)
        {
            problems.Add(new PolicyProblem("the statement has both Action and NotAction", notAction.Line, notAction.Column));
        }

        var resource = node.Entry("Resource");
        var notResource = node.Entry("NotResource");
        if (resource is not null && notResource is not null)
        {
            problems.Add(new PolicyProblem("the statement has both Resource and NotResource", notResource.Line, notResource.Column));
        }
        else if (resource is null && notResource is null && kind == PolicyKind.Identity)
        {
            problems.Add(new PolicyProblem("the statement has neither Resource nor NotResource", node.Line, node.Column));
        }

        var principal = node.Get("Principal");
        var notPrincipal = node.Get("NotPrincipal");
        if (principal is not null && notPrincipal is not null)
        {
            problems.Add(new PolicyProblem("the statement has both Principal and NotPrincipal", notPrincipal.Line, notPrincipal.Column));
        }
        else if (kind == PolicyKind.Identity && (principal ?? notPrincipal) is { } stray)
        {
            problems.Add(new PolicyProblem("an identity-based policy must not name a Principal", stray.Line, stray.Column));
        }

        var actions = Texts(action?.Value);
        var notActions = Texts(notAction?.Value);
        foreach (var name in actions.Concat(notActions))
        {
            if (name.Known && !ActionPattern.IsWellFormed(name.Value))
            {
                problems.Add(new PolicyProblem($"'{name.Value}' is not an action name (expected service:Action)", name.Line, name.Column));
            }
        }

        return new PolicyStatement
        {
            Index = index,
            Line = node.Line,
            Column = node.Column,
            Sid = node.Get("Sid").AsString(),
            Effect = effect,
            Actions = actions,
            NotActions = notActions,
            HasNotAction = notAction is not null,
            Resources = Texts(resource?.Value),
            NotResources = Texts(notResource?.Value),
            HasNotResource = notResource is not null,
            Principal = principal,
            NotPrincipal = notPrincipal,
            Condition = node.Get("Condition"),
        };
    }

    private static PolicyText? Text(ValueNode? node) => node switch
    {
        ScalarNode { Kind: not ScalarKind.Null } scalar => new PolicyText(scalar.Text, scalar.Line, scalar.Column, true),
        UnknownNode unknown => new PolicyText(unknown.Description, unknown.Line, unknown.Column, false),
        _ => null,
    };

    private static List<PolicyText> Texts(ValueNode? node)
    {
        var texts = new List<PolicyText>();
        foreach (var item in node.Items())
        {
            if (Text(item) is { } text)
            {
                texts.Add(text);
            }
        }

        return texts;
    }
}
