namespace Shipgate.Containers.Images;

/// <summary>
/// The image's distribution, from <c>/etc/os-release</c> (or <c>/usr/lib/os-release</c>), with the OSV ecosystem
/// its packages are matched in: <c>Debian:12</c>, <c>Ubuntu:22.04:LTS</c>, <c>Alpine:v3.19</c>, <c>Red Hat</c>,
/// <c>Rocky Linux:9</c>, <c>AlmaLinux:9</c>. Immutable.
/// </summary>
public sealed record OperatingSystemInfo(string Id, string? VersionId, string? PrettyName, string? Codename)
{
    /// <summary>The OSV ecosystem name, or null when OSV has no data for this distribution.</summary>
    public string? Ecosystem => Id switch
    {
        "debian" when Major(VersionId) is { } major => "Debian:" + major,
        "ubuntu" when VersionId is { } v => "Ubuntu:" + v + (IsUbuntuLts(v) ? ":LTS" : ""),
        "alpine" when MajorMinor(VersionId) is { } mm => "Alpine:v" + mm,
        "rhel" => "Red Hat",
        "rocky" when Major(VersionId) is { } major => "Rocky Linux:" + major,
        "almalinux" when Major(VersionId) is { } major => "AlmaLinux:" + major,
        "wolfi" => "Wolfi",
        "chainguard" => "Chainguard",
        "opensuse-leap" when VersionId is { } v => "openSUSE:Leap " + v,
        "sles" when VersionId is { } v => "SUSE:Linux Enterprise Server " + Major(v),
        "mariner" when VersionId is { } v => "Mariner:" + v,
        "azurelinux" when VersionId is { } v => "Azure Linux:" + v,
        _ => null,
    };

    /// <summary>The purl <c>distro</c> qualifier: <c>debian-12</c>, <c>alpine-3.19.1</c>.</summary>
    public string Distro => VersionId is { } v ? Id + "-" + v : Id;

    /// <summary>Parses os-release text (shell-style KEY=value, optionally quoted). Null without an ID.</summary>
    public static OperatingSystemInfo? Parse(string text, string? alpineRelease = null, string? debianVersion = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0])
            {
                value = value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\$", "$", StringComparison.Ordinal);
            }

            values[line[..equals].Trim()] = value;
        }

        if (!values.TryGetValue("ID", out var id) || id.Length == 0)
        {
            return null;
        }

        var version = values.GetValueOrDefault("VERSION_ID");
        if (id == "alpine" && alpineRelease?.Trim() is { Length: > 0 } full)
        {
            version = full;
        }

        if (id == "debian" && version is null && debianVersion?.Trim() is { Length: > 0 } dv && char.IsAsciiDigit(dv[0]))
        {
            version = dv.Split('.')[0];
        }

        return new OperatingSystemInfo(id.ToLowerInvariant(), version, values.GetValueOrDefault("PRETTY_NAME"), values.GetValueOrDefault("VERSION_CODENAME"));
    }

    private static string? Major(string? version) => version?.Split('.')[0] is { Length: > 0 } major ? major : null;

    private static string? MajorMinor(string? version)
    {
        var parts = version?.Split('.');
        return parts is { Length: >= 2 } ? parts[0] + "." + parts[1] : null;
    }

    private static bool IsUbuntuLts(string version) =>
        version.EndsWith(".04", StringComparison.Ordinal) && int.TryParse(version.Split('.')[0], out var year) && year % 2 == 0;
}
