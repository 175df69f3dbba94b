using Shipgate.Core;

namespace Shipgate.Secrets.Sources;

/// <summary>
/// Where the <c>shipgate secrets</c> command gets its input when it is not a directory walk: staged changes, git
/// history, standard input. A source only produces <see cref="ScanFile"/>s (display path, content, provenance); the CLI
/// runs them through <see cref="SecretsScanner"/> and the engine's suppressions like any other file.
/// </summary>
public interface ISecretSource
{
    /// <summary>The inputs, produced lazily; enumerate once.</summary>
    IEnumerable<ScanFile> Files(CancellationToken cancellationToken = default);
}
