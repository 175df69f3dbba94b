namespace Shipgate.Dependencies.Rules;

/// <summary>
/// The public registries of each ecosystem and helpers to read the URL a lockfile says a package came from. Static,
/// immutable; thread-safe.
/// </summary>
internal static class Registries
{
    /// <summary>Hosts of the public registries, by ecosystem (the hosts tarballs and indexes are served from).</summary>
    public static IReadOnlyList<string> PublicHosts(Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Npm => ["registry.npmjs.org", "registry.yarnpkg.com", "registry.npmjs.com"],
        Ecosystem.PyPI => ["pypi.org", "files.pythonhosted.org", "pypi.python.org"],
        Ecosystem.CratesIo => ["github.com", "index.crates.io", "static.crates.io", "crates.io"],
        Ecosystem.RubyGems => ["rubygems.org", "index.rubygems.org"],
        Ecosystem.NuGet => ["api.nuget.org", "www.nuget.org"],
        Ecosystem.Go => ["proxy.golang.org"],
        Ecosystem.Packagist => ["repo.packagist.org", "packagist.org", "api.github.com", "codeload.github.com", "gitlab.com", "bitbucket.org"],
        _ => [],
    };

    /// <summary>
    /// The URL inside a lockfile's source string: npm's <c>resolved</c> as is, Cargo's <c>registry+URL</c> and
    /// <c>sparse+URL</c> without the kind. Null for git, file, link and workspace sources.
    /// </summary>
    public static Uri? HttpUrl(string? resolved)
    {
        if (string.IsNullOrWhiteSpace(resolved))
        {
            return null;
        }

        var text = resolved.Trim();
        foreach (var kind in new[] { "registry+", "sparse+" })
        {
            if (text.StartsWith(kind, StringComparison.Ordinal))
            {
                text = text[kind.Length..];
            }
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }

    /// <summary>Whether a host is this machine (plain HTTP to a local mirror is not a network risk).</summary>
    public static bool IsLoopback(Uri url) => url.IsLoopback || url.Host is "localhost" or "127.0.0.1" or "[::1]";

    /// <summary>Whether <paramref name="host"/> equals one of <paramref name="allowed"/>, or is a subdomain of a <c>*.example.com</c> entry.</summary>
    public static bool HostMatches(string host, IEnumerable<string> allowed)
    {
        foreach (var entry in allowed)
        {
            var candidate = entry.Trim().ToLowerInvariant();
            if (Uri.TryCreate(candidate, UriKind.Absolute, out var asUrl) && asUrl.Host.Length > 0)
            {
                candidate = asUrl.Host;
            }

            if (candidate.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(candidate[1..], StringComparison.OrdinalIgnoreCase)
                : string.Equals(host, candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
