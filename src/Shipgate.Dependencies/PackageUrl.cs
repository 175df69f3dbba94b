using System.Text;

namespace Shipgate.Dependencies;

/// <summary>Builds package URLs (purl spec) from an ecosystem, a name and a version.</summary>
public static class PackageUrl
{
    public static string Create(Ecosystem ecosystem, string name, string version)
    {
        var builder = new StringBuilder("pkg:").Append(ecosystem.PurlType()).Append('/');
        var (ns, local) = Split(ecosystem, name);
        if (ns.Length > 0)
        {
            foreach (var segment in ns.Split('/'))
            {
                builder.Append(Encode(segment)).Append('/');
            }
        }

        builder.Append(Encode(local));
        if (version.Length > 0)
        {
            builder.Append('@').Append(Encode(version));
        }

        return builder.ToString();
    }

    private static (string Namespace, string Name) Split(Ecosystem ecosystem, string name)
    {
        switch (ecosystem)
        {
            case Ecosystem.Maven:
                var colon = name.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? ("", name) : (name[..colon], name[(colon + 1)..]);
            case Ecosystem.PyPI:
                return ("", NormalizePythonName(name));
            case Ecosystem.Npm or Ecosystem.Go or Ecosystem.Packagist or Ecosystem.SwiftUrl:
                var slash = name.LastIndexOf('/');
                return slash < 0 ? ("", name) : (name[..slash], name[(slash + 1)..]);
            case Ecosystem.Debian or Ecosystem.Ubuntu or Ecosystem.Alpine:
                return (ecosystem.OsvName().ToLowerInvariant(), name);
            default:
                return ("", name);
        }
    }

    /// <summary>PEP 503 normalisation: lower case, runs of <c>-_.</c> become one <c>-</c>.</summary>
    public static string NormalizePythonName(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingDash = false;
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.')
            {
                pendingDash = builder.Length > 0;
                continue;
            }

            if (pendingDash)
            {
                builder.Append('-');
                pendingDash = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string Encode(string segment)
    {
        var bytes = Encoding.UTF8.GetBytes(segment);
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
