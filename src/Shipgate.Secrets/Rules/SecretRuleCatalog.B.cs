namespace Shipgate.Secrets.Rules;

public static partial class SecretRuleCatalog
{
    private static IEnumerable<SecretPattern> PartB() =>
    [
        new NpmAccessToken(),
    ];
}
