using System.Text;

namespace Shipgate.Containers.Images.Packages;

/// <summary>
/// Package URLs (purl spec) for what an image holds: distribution packages with <c>arch</c>, <c>epoch</c> and
/// <c>distro</c> qualifiers, and the language packages found through installed metadata. Stateless.
/// </summary>
internal static class PackageUrls
{
    public static string Create(string type, string? ns, string name, string version, params (string Key, string? Value)[] qualifiers)
    {
        var builder = new StringBuilder("pkg:").Append(type).Append('/');
        if (!string.IsNullOrEmpty(ns))
        {
            foreach (var segment in ns.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                builder.Append(Encode(segment)).Append('/');
            }
        }

        builder.Append(Encode(name));
        if (version.Length > 0)
        {
            builder.Append('@').Append(Encode(version));
        }

        var separator = '?';
        foreach (var (key, value) in qualifiers.Where(q => !string.IsNullOrEmpty(q.Value)).OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            builder.Append(separator).Append(key).Append('=').Append(Encode(value!));
            separator = '&';
        }

        return builder.ToString();
    }

    /// <summary>PEP 503 normalisation: lower case, runs of <c>-_.</c> become one <c>-</c>.</summary>
    public static string NormalisePython(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingDash = false;
        foreach (var c in name.Trim())
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
        var builder = new StringBuilder(segment.Length);
        foreach (var b in Encoding.UTF8.GetBytes(segment))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(((int)b).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
