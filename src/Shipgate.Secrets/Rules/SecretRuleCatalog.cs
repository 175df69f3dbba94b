namespace Shipgate.Secrets.Rules;

/// <summary>The built-in secret rules: the only place a secret rule is turned on.</summary>
public static partial class SecretRuleCatalog
{
    public static IReadOnlyList<SecretPattern> Create() => [.. PartA(), .. PartB()];
}
