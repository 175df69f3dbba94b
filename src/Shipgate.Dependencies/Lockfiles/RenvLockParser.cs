namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// renv's <c>renv.lock</c>. Only packages installed from a package repository (CRAN or a CRAN-like mirror) are
/// CRAN packages; Bioconductor, GitHub and local installs are left out.
/// </summary>
public sealed class RenvLockParser : ILockfileParser
{
    public string Format => "renv.lock";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var root = JsonLockfile.ParseObject(content, Format);
        var packages = new List<Package>();
        foreach (var (key, entry) in root["Packages"]?.Members ?? [])
        {
            if (entry.String("Repository") is not { Length: > 0 } || entry.String("Version") is not { } version)
            {
                continue;
            }

            packages.Add(new Package(entry.String("Package") ?? key, version, Ecosystem.Cran, path, entry.Line));
        }

        return packages;
    }
}
