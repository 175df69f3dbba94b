namespace Shipgate.Containers.Dockerfiles;

/// <summary>
/// A parsed image reference <c>[registry/]repository[:tag][@digest]</c>. <see cref="Resolved"/> is the text after
/// ARG substitution; <see cref="HasUnresolvedVariables"/> says whether a variable had no value. Immutable.
/// </summary>
internal sealed record ImageReference(string Written, string Resolved, string? Registry, string Repository, string? Tag, string? Digest, bool HasUnresolvedVariables)
{
    public bool IsScratch => Resolved.Equals("scratch", StringComparison.OrdinalIgnoreCase);

    /// <summary>The last path component of the repository (<c>python</c> for <c>docker.io/library/python</c>).</summary>
    public string ShortName => Repository.Contains('/', StringComparison.Ordinal) ? Repository[(Repository.LastIndexOf('/') + 1)..] : Repository;

    public static ImageReference Parse(string written, string resolved, bool unresolved)
    {
        var text = resolved;
        string? digest = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = text[(at + 1)..];
            text = text[..at];
        }

        string? registry = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = text[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal)
                || first.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                registry = first;
                text = text[(slash + 1)..];
            }
        }

        string? tag = null;
        var lastSlash = text.LastIndexOf('/');
        var colon = text.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
        }

        return new ImageReference(written, resolved, registry, text, tag, digest, unresolved);
    }
}
