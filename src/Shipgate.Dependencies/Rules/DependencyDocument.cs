using Shipgate.Core;
using Shipgate.Dependencies.Lockfiles;
using Shipgate.Dependencies.Osv;

namespace Shipgate.Dependencies.Rules;

/// <summary>
/// What every DEP rule analyses: one lockfile (with its parsed packages) or one manifest, its text, and a reader for
/// the files beside it (sibling manifests and lockfiles, <c>Directory.Build.props</c> above a project). Built once per
/// file by <see cref="DependencyScanner"/> and shared by all rules. Immutable; thread-safe.
/// </summary>
public sealed class DependencyDocument
{
    private readonly string[] lines;

    public DependencyDocument(string path, string text, LockfileFormat? format, Manifest? manifest, IReadOnlyList<Package> packages, IFileReader folder, bool onDisk, bool excludeDev = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(packages);
        Path = path;
        Text = text;
        Format = format;
        Manifest = manifest;
        AllPackages = packages;
        Packages = excludeDev ? [.. packages.Where(p => p.Dev != true)] : packages;
        Folder = folder;
        OnDisk = onDisk;
        lines = text.Split('\n');
    }

    private DependencyDocument(DependencyDocument other, IReadOnlyList<VulnerabilityMatch> vulnerabilities)
    {
        Path = other.Path;
        Text = other.Text;
        Format = other.Format;
        Manifest = other.Manifest;
        AllPackages = other.AllPackages;
        Packages = other.Packages;
        Folder = other.Folder;
        OnDisk = other.OnDisk;
        lines = other.lines;
        Vulnerabilities = vulnerabilities;
    }

    /// <summary>The path shown in reports.</summary>
    public string Path { get; }

    /// <summary>
    /// Known vulnerabilities of <see cref="Packages"/> (merged by alias, one per vulnerability and package), found by the
    /// scanner's advisory source before the rules run. Empty when no vulnerability database is configured.
    /// </summary>
    public IReadOnlyList<VulnerabilityMatch> Vulnerabilities { get; } = [];

    /// <summary>The same document with its vulnerability matches.</summary>
    public DependencyDocument WithVulnerabilities(IReadOnlyList<VulnerabilityMatch> vulnerabilities)
    {
        ArgumentNullException.ThrowIfNull(vulnerabilities);
        return new DependencyDocument(this, vulnerabilities);
    }

    /// <summary>The file name (last path segment).</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The whole text of the file.</summary>
    public string Text { get; }

    /// <summary>The lockfile format, or null when the file is a <see cref="Manifest"/> only.</summary>
    public LockfileFormat? Format { get; }

    /// <summary>The manifest this file is, or null for a lockfile.</summary>
    public Manifest? Manifest { get; }

    /// <summary>The packages the rules look at: with <c>--no-dev</c>, those only needed for development are left out.</summary>
    public IReadOnlyList<Package> Packages { get; }

    /// <summary>Every package the file pins, development ones included (for rules about the file itself).</summary>
    public IReadOnlyList<Package> AllPackages { get; }

    /// <summary>Reads files relative to this file's folder (<c>package-lock.json</c>, <c>../Directory.Build.props</c>).</summary>
    public IFileReader Folder { get; }

    /// <summary>Whether the file lives on disk, so that its siblings can be looked at (false for standard input, git blobs).</summary>
    public bool OnDisk { get; }

    /// <summary>The number of lines.</summary>
    public int LineCount => lines.Length;

    /// <summary>The text of a 1-based line without its line break, or "" past the end.</summary>
    public string Line(int number) => number >= 1 && number <= lines.Length ? lines[number - 1].TrimEnd('\r') : "";

    /// <summary>Where a package is: its name on its line when the name appears there, else the whole line (line 1 when unknown).</summary>
    public Location LocationOf(Package package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return LocationOf(package.Line ?? 1, package.Name);
    }

    /// <summary>A line, narrowed to <paramref name="text"/> when it appears on it.</summary>
    public Location LocationOf(int line, string? text = null)
    {
        var content = Line(line);
        var at = string.IsNullOrEmpty(text) ? -1 : content.IndexOf(text, StringComparison.Ordinal);
        if (at >= 0)
        {
            return new Location(Path, line, at + 1, line, at + text!.Length);
        }

        var start = content.Length - content.TrimStart().Length;
        return new Location(Path, line, start + 1, line, Math.Max(start + 1, content.Length));
    }

    /// <summary>The first line that contains <paramref name="text"/> at or after <paramref name="fromLine"/>, or null.</summary>
    public int? FindLine(string text, int fromLine = 1)
    {
        for (var i = Math.Max(1, fromLine); i <= lines.Length; i++)
        {
            if (lines[i - 1].Contains(text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return null;
    }
}
