using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Dependencies.Json;
using Shipgate.Dependencies.Toml;

namespace Shipgate.Dependencies.Rules;

/// <summary>
/// A manifest that declares dependencies with no lockfile beside it (or in a folder above, for workspaces), or a
/// .NET project with PackageReferences that does not restore in lock mode.
/// </summary>
internal sealed partial class MissingLockfile : DependencyRule
{
    /// <summary>How many folders above a manifest a workspace lockfile is looked for.</summary>
    private const int MaxWorkspaceDepth = 8;

    public override RuleMetadata Metadata { get; } = Define(
        "DEP100", "missing-lockfile", "Dependency manifest has no lockfile",
        Severity.Medium, Confidence.High,
        ["scorecard:Pinned-Dependencies"],
        "A dependency manifest (package.json, pyproject.toml, Pipfile, Gemfile, composer.json, Cargo.toml, or a .NET project with PackageReference items) declares dependencies, but no lockfile pins what they resolved to. Every install then resolves version ranges afresh against the registry, so a newly published (possibly malicious or typosquatted) release, or a same-named package on a public registry shadowing an internal one, is pulled in silently; builds are not reproducible and vulnerability scans see only ranges, not what was installed.",
        "Generate the lockfile with the package manager (npm install, poetry lock, uv lock, pipenv lock, bundle lock, composer update --lock, cargo generate-lockfile; for .NET set <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile> and restore) and commit it; install with the locked mode in CI (npm ci, --frozen-lockfile, --locked, --locked-mode).",
        tags: ["supply-chain", "reproducibility"]);

    public override IEnumerable<Finding> Analyze(DependencyDocument document, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.OnDisk)
        {
            yield break;
        }

        if (document.Manifest is { } manifest)
        {
            if (DeclaresDependencies(document, manifest) is { } line && !HasLockfile(document, manifest))
            {
                var expected = string.Join(", ", manifest.Lockfiles.Take(4));
                yield return Report(context, document, line,
                    $"{manifest.FileName} declares dependencies but no lockfile ({expected}) pins them, here or in a workspace folder above.",
                    manifest.FileName);
            }
        }
        else if (document.Format?.Name == "csproj" && document.AllPackages.Count > 0 && !UsesLockMode(document))
        {
            var first = document.AllPackages[0];
            yield return Report(context, document, first.Line ?? 1,
                $"The project references {document.AllPackages.Count} NuGet package(s) but has no packages.lock.json and does not set RestorePackagesWithLockFile.",
                "csproj", narrowTo: "PackageReference");
        }
    }

    /// <summary>The line where the manifest declares dependencies, or null when it declares none.</summary>
    private static int? DeclaresDependencies(DependencyDocument document, Manifest manifest) => manifest.FileName switch
    {
        "package.json" => JsonDependencies(document, ["dependencies", "devDependencies", "optionalDependencies"], _ => true),
        "composer.json" => JsonDependencies(document, ["require", "require-dev"], name => name.Contains('/', StringComparison.Ordinal)),
        "pyproject.toml" => PyprojectDependencies(document),
        "Cargo.toml" => TomlSection(document, ["dependencies", "dev-dependencies", "build-dependencies", "workspace.dependencies"]),
        _ => RubyOrPipfileDependencies(document, manifest),
    };

    private static int? JsonDependencies(DependencyDocument document, string[] groups, Func<string, bool> counts)
    {
        var root = PositionedJson.Parse(document.Text);
        foreach (var group in groups)
        {
            if (root[group] is { IsObject: true } declared && declared.Members.Any(m => counts(m.Key)))
            {
                return document.FindLine("\"" + group + "\"") ?? declared.Line;
            }
        }

        return null;
    }

    private static int? PyprojectDependencies(DependencyDocument document)
    {
        var toml = TomlParser.Parse(document.Text);
        if (toml.GetTable("project")?.GetArray("dependencies") is { Items.Count: > 0 } pep621)
        {
            return pep621.Line;
        }

        if (toml.GetTable("tool")?.GetTable("poetry")?.GetTable("dependencies") is { } poetry && poetry.Keys.Any(k => k != "python"))
        {
            return poetry.Line;
        }

        return null;
    }

    private static int? TomlSection(DependencyDocument document, string[] sections)
    {
        var toml = TomlParser.Parse(document.Text);
        foreach (var section in sections)
        {
            TomlTable? table = toml;
            foreach (var part in section.Split('.'))
            {
                table = table?.GetTable(part);
            }

            if (table is { Count: > 0 })
            {
                return table.Line;
            }
        }

        return null;
    }

    private static int? RubyOrPipfileDependencies(DependencyDocument document, Manifest manifest)
    {
        var pattern = manifest.FileName == "Pipfile" ? PipfileEntry() : GemLine();
        var inPipfilePackages = false;
        for (var line = 1; line <= document.LineCount; line++)
        {
            var text = document.Line(line).Trim();
            if (manifest.FileName == "Pipfile" && text.StartsWith('['))
            {
                inPipfilePackages = text is "[packages]" or "[dev-packages]";
                continue;
            }

            if ((manifest.FileName != "Pipfile" || inPipfilePackages) && pattern.IsMatch(text))
            {
                return line;
            }
        }

        return null;
    }

    private static bool HasLockfile(DependencyDocument document, Manifest manifest)
    {
        var prefix = "";
        for (var depth = 0; depth <= MaxWorkspaceDepth; depth++)
        {
            if (manifest.Lockfiles.Any(l => document.Folder.Exists(prefix + l)))
            {
                return true;
            }

            prefix += "../";
        }

        return false;
    }

    /// <summary>A packages.lock.json beside the project, or RestorePackagesWithLockFile in it or a Directory.Build.props above.</summary>
    private static bool UsesLockMode(DependencyDocument document)
    {
        if (document.Folder.Exists("packages.lock.json") || LockMode().IsMatch(document.Text))
        {
            return true;
        }

        var prefix = "";
        for (var depth = 0; depth <= MaxWorkspaceDepth; depth++)
        {
            if (document.Folder.TryRead(prefix + "Directory.Build.props") is { } props && LockMode().IsMatch(props))
            {
                return true;
            }

            prefix += "../";
        }

        return false;
    }

    [GeneratedRegex(@"<RestorePackagesWithLockFile>\s*true\s*</RestorePackagesWithLockFile>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex LockMode();

    [GeneratedRegex(@"^gem\s+['""]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex GemLine();

    [GeneratedRegex(@"^[""']?[A-Za-z0-9][A-Za-z0-9._-]*[""']?\s*=", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex PipfileEntry();
}
