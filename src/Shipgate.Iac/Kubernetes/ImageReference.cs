namespace Shipgate.Iac.Kubernetes;

/// <summary>
/// A container image reference split into repository, tag and digest
/// (<c>registry:5000/team/app:1.2@sha256:…</c>). A colon counts as a tag separator only after the last slash, so a
/// registry port is never mistaken for a tag. Immutable.
/// </summary>
public sealed record ImageReference(string Repository, string? Tag, string? Digest)
{
    public static ImageReference Parse(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var value = image.Trim();
        string? digest = null;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = value[(at + 1)..];
            value = value[..at];
        }

        var slash = value.LastIndexOf('/');
        var colon = value.LastIndexOf(':');
        string? tag = null;
        if (colon > slash)
        {
            tag = value[(colon + 1)..];
            value = value[..colon];
        }

        return new ImageReference(value, string.IsNullOrEmpty(tag) ? null : tag, string.IsNullOrEmpty(digest) ? null : digest);
    }

    /// <summary>True when the reference cannot be resolved statically (environment or template placeholders).</summary>
    public static bool IsPlaceholder(string image) =>
        image.Contains("$(", StringComparison.Ordinal) || image.Contains("${", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(image);
}
