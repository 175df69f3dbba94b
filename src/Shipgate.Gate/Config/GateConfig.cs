using Shipgate.Gate.Domain;

namespace Shipgate.Gate.Config;

/// <summary>The gate configuration as code: groups (name → members) and environments. Immutable.</summary>
public sealed record GateConfig(IReadOnlyDictionary<string, IReadOnlyList<string>> Groups, IReadOnlyDictionary<string, EnvironmentPolicy> Environments)
{
    public static GateConfig Empty { get; } = new(
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase),
        new Dictionary<string, EnvironmentPolicy>(StringComparer.OrdinalIgnoreCase));

    /// <summary>The configured groups that list <paramref name="identity"/> as a member.</summary>
    public IEnumerable<string> GroupsOf(string identity) =>
        Groups.Where(g => g.Value.Contains(identity, StringComparer.OrdinalIgnoreCase)).Select(g => g.Key);
}

/// <summary>A configuration mistake, with the file and position it was found at.</summary>
public sealed class GateConfigException : Exception
{
    public GateConfigException(string message) : base(message)
    {
    }

    public GateConfigException(string message, Exception inner) : base(message, inner)
    {
    }

    public GateConfigException()
    {
    }
}
