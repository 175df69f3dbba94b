using Shipgate.Core;

namespace Shipgate.Containers.Images.Rules;

/// <summary>
/// The image-config rules that ship, in ID order: the only place one is turned on. A catalogue test checks that every
/// rule class is listed. <see cref="Create"/> returns a new array each time.
/// </summary>
public static class ImageRules
{
    public static IReadOnlyList<IRule> All() => Create();

    internal static IReadOnlyList<Rule<ImageConfigDocument>> Create() =>
    [
        new ImageRunsAsRoot(),
        new ImageExposesSshPort(),
        new ImageMissingHealthcheck(),
        new ImageLatestTag(),
        new ImageSecretNameInEnvironment(),
    ];
}
