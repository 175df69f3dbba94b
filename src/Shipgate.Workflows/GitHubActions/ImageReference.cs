namespace Shipgate.Workflows.GitHubActions;

/// <summary>Pieces of a container image reference (<c>registry/name:tag@sha256:digest</c>).</summary>
public static class ImageReference
{
    /// <summary>The tag, or null when there is none.</summary>
    public static string? TagOf(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var withoutDigest = image.Split('@')[0];
        var lastSlash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.IndexOf(':', lastSlash + 1);
        return colon < 0 ? null : withoutDigest[(colon + 1)..];
    }

    public static bool HasDigest(string image) => image.Contains("@sha256:", StringComparison.OrdinalIgnoreCase);
}
