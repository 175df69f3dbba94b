namespace Shipgate.Gate.Domain;

/// <summary>What a token may do. Each token has exactly one role; <see cref="Admin"/> exists only through the bootstrap token and tokens it creates.</summary>
public enum Role
{
    Viewer,
    Requester,
    Approver,
    EnvAdmin,
    Auditor,
    Admin,
}

public static class Roles
{
    public static string ToWire(this Role role) => role switch
    {
        Role.Viewer => "viewer",
        Role.Requester => "requester",
        Role.Approver => "approver",
        Role.EnvAdmin => "env-admin",
        Role.Auditor => "auditor",
        Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryFromWire(string? value, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(candidate.ToWire(), value, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>
    /// The authorization policy names (one per role) and which roles satisfy each. Every role can read
    /// (<c>viewer</c>); env-admin can also request and approve; admin satisfies everything.
    /// </summary>
    public static IReadOnlyDictionary<string, Role[]> Policies { get; } = new Dictionary<string, Role[]>(StringComparer.Ordinal)
    {
        ["viewer"] = Enum.GetValues<Role>(),
        ["requester"] = [Role.Requester, Role.EnvAdmin, Role.Admin],
        ["approver"] = [Role.Approver, Role.EnvAdmin, Role.Admin],
        ["env-admin"] = [Role.EnvAdmin, Role.Admin],
        ["auditor"] = [Role.Auditor, Role.Admin],
        ["admin"] = [Role.Admin],
    };
}
