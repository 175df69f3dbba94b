using Shipgate.Core;
using Shipgate.Iac.Iam;
using Shipgate.Iac.Terraform.Hcl;

namespace Shipgate.Iac.Terraform;

/// <summary>
/// Local module calls (<c>module "db" { source = "./modules/db" … }</c>): the module's <c>.tf</c> files are read
/// with the caller's arguments as their variables, so a value that is only unsafe as passed by this caller is
/// found. Only <c>./</c> and <c>../</c> sources that stay inside the scanned root are followed (symlinked files are
/// not), at most <see cref="MaxDepth"/> calls deep, with file count and size bounded. Stateless.
/// </summary>
internal static class TerraformModules
{
    public const int MaxDepth = 3;

    private const int MaxFiles = 200;
    private const long MaxFileBytes = 1024 * 1024;

    private static readonly HashSet<string> MetaArguments = new(StringComparer.Ordinal)
    {
        "source", "version", "count", "for_each", "providers", "depends_on",
    };

    /// <summary>One module file read twice: as the caller passes arguments, and on its own (defaults only).</summary>
    public sealed record ModuleFile(string FullPath, TerraformFile WithArguments, TerraformFile Standalone);

    /// <summary>One local module call and the module's files.</summary>
    public sealed record ModuleCall(HclBlock Block, string Name, string Directory, IReadOnlyList<ModuleFile> Files);

    /// <summary>The local module calls of a file at <paramref name="callerPath"/>, resolved against <paramref name="root"/>.</summary>
    public static IEnumerable<ModuleCall> Calls(TerraformFile caller, string callerPath, string root)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var directory = Path.GetDirectoryName(Path.GetFullPath(callerPath));
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (directory is null)
        {
            yield break;
        }

        foreach (var block in caller.Body.BlocksOf("module"))
        {
            if (block.Labels.Count != 1 || block.Body.Attribute("source") is not { } sourceAttribute
                || HclValues.Evaluate(sourceAttribute.Value, caller.Source).AsScalarText() is not { } source
                || !(source.StartsWith("./", StringComparison.Ordinal) || source.StartsWith("../", StringComparison.Ordinal)))
            {
                continue;
            }

            var moduleDirectory = Path.GetFullPath(Path.Combine(directory, source));
            if (!IsInside(moduleDirectory, fullRoot) || !Directory.Exists(moduleDirectory) || HasLink(moduleDirectory, fullRoot))
            {
                continue;
            }

            var inputs = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
            foreach (var argument in block.Body.Attributes.Where(a => !MetaArguments.Contains(a.Name)))
            {
                var value = HclValues.Evaluate(argument.Value, caller.Source, caller.Scope);
                if (value is not UnknownNode)
                {
                    inputs[argument.Name] = value;
                }
            }

            var files = new List<ModuleFile>();
            foreach (var path in ModuleFiles(moduleDirectory))
            {
                try
                {
                    var text = File.ReadAllText(path);
                    files.Add(new ModuleFile(
                        path,
                        TerraformReader.Read(text, path, inputs),
                        TerraformReader.Read(text, path)));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InputFormatException)
                {
                    // A broken module file is reported when it is scanned itself.
                }
            }

            yield return new ModuleCall(block, block.Labels[0], moduleDirectory, files);
        }
    }

    private static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Whether a directory between <paramref name="root"/> and <paramref name="path"/> is a symbolic link (which could lead outside).</summary>
    private static bool HasLink(string path, string root)
    {
        for (var current = path; current.Length > root.Length; current = Path.GetDirectoryName(current) ?? root)
        {
            if (new DirectoryInfo(current).LinkTarget is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> ModuleFiles(string directory)
    {
        try
        {
            var files = Directory.EnumerateFiles(directory, "*.tf", SearchOption.TopDirectoryOnly)
                .Where(p => new FileInfo(p) is { LinkTarget: null, Length: <= MaxFileBytes })
                .Order(StringComparer.Ordinal)
                .ToList();
            return files.Count <= MaxFiles ? files : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
