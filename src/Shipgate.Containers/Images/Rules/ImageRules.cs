using Shipgate.Core;

namespace Shipgate.Containers.Images.Rules;

/// <summary>
/// The image rules that ship, in ID order: the only place one is turned on. A catalogue test checks that every
/// rule class is listed. <see cref="Create"/> (config rules) and <see cref="CreatePackageRules"/> return new arrays.
/// </summary>
public static class ImageRules
{
    public static IReadOnlyList<IRule> All() => [.. Create(), .. CreatePackageRules()];

    internal static IReadOnlyList<Rule<ImageConfigDocument>> Create() =>
    [
        new ImageRunsAsRoot(),
        new ImageExposesSshPort(),
        new ImageMissingHealthcheck(),
        new ImageLatestTag(),
        new ImageSecretNameInEnvironment(),
    ];

    internal static IReadOnlyList<Rule<ImagePackagesDocument>> CreatePackageRules() =>
    [
        new ImagePackageVulnerability(),
    ];
}
