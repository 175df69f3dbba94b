using Shipgate.Core;
using Shipgate.Dependencies.Lockfiles;

namespace Shipgate.Dependencies;

/// <summary>
/// The dependencies domain's entry point into <c>shipgate scan</c>: claims every file a lockfile format recognises by
/// name, anywhere in the tree, and parses it once. A malformed lockfile becomes an <c>errors</c> entry with its line;
/// the packages read are what the vulnerability and supply-chain rules (DEP) will examine. Until those rules land the
/// scanner reports no findings. Holds only immutable state; thread-safe.
/// </summary>
public sealed class DependencyScanner : IScanner
{
    private readonly LockfileFormats namesOnly = LockfileFormats.Create(NoFileReader.Instance);

    public Category Category => Category.Deps;

    public IReadOnlyList<IRule> Rules { get; } = [];

    public bool Claims(ScanFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return namesOnly.Detect(file.Name) is not null;
    }

    public ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        _ = Read(file);
        return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
    }

    /// <summary>Parses a claimed file; sibling files (includes, go.sum, parent POMs) are read only for files on disk.</summary>
    internal static IReadOnlyList<Package> Read(ScanFile file)
    {
        if (file.Length > PhysicalFileReader.MaxBytes)
        {
            throw new InputFormatException($"The lockfile is larger than {PhysicalFileReader.MaxBytes / (1024 * 1024)} MiB and was not read.");
        }

        IFileReader siblings = file.FullPath is { } fullPath ? new PhysicalFileReader(Path.GetDirectoryName(fullPath) ?? "/") : NoFileReader.Instance;
        var format = LockfileFormats.Create(siblings).Detect(file.Name)
            ?? throw new InputFormatException("The file is not a known lockfile.");
        var path = file.FullPath ?? file.DisplayPath;
        return format.Parser.Parse(file.ReadAllText().TrimStart('\uFEFF'), path);
    }
}
