namespace Shipgate.Gate.Domain;

/// <summary>
/// The authenticated identity behind a request: the token's name, role and groups (the token's own plus the groups the
/// gate configuration lists the name in), whether it is a machine identity, and the source address.
/// </summary>
public sealed record Caller(string Name, Role Role, IReadOnlyList<string> Groups, bool Machine, string? SourceAddress, string TokenId);
