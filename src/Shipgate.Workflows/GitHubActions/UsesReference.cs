namespace Shipgate.Workflows.GitHubActions;

public enum UsesKind
{
    /// <summary><c>owner/repo[/path]@ref</c>.</summary>
    Repository,

    /// <summary><c>./path</c> in the same repository.</summary>
    Local,

    /// <summary><c>docker://image</c>.</summary>
    Docker,
}

/// <summary>A parsed <c>uses:</c> value. Immutable.</summary>
public sealed record UsesReference(UsesKind Kind, string Raw, string Owner, string Repo, string? SubPath, string? Ref)
{
    /// <summary><c>owner/repo</c>, lower case.</summary>
    public string Slug => (Owner + "/" + Repo).ToLowerInvariant();

    /// <summary><c>owner/repo/path</c>, lower case, without the ref.</summary>
    public string Target => (SubPath is null ? Owner + "/" + Repo : Owner + "/" + Repo + "/" + SubPath).ToLowerInvariant();

    /// <summary>True when the ref is a full 40-hex commit SHA.</summary>
    public bool IsShaPinned => Ref is { Length: 40 } r && r.All(char.IsAsciiHexDigit);

    /// <summary>True for a reusable workflow (<c>.github/workflows/x.yml</c>).</summary>
    public bool IsReusableWorkflow => SubPath is { } p && p.Contains(".github/workflows/", StringComparison.OrdinalIgnoreCase);

    /// <summary>For <c>docker://</c>: the image reference.</summary>
    public string? Image => Kind == UsesKind.Docker ? Raw[9..] : null;

    public static UsesReference? Parse(string raw)
    {
        raw = raw.Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        if (raw.StartsWith("./", StringComparison.Ordinal) || raw == ".")
        {
            return new UsesReference(UsesKind.Local, raw, "", "", raw, null);
        }

        if (raw.StartsWith("docker://", StringComparison.OrdinalIgnoreCase))
        {
            return new UsesReference(UsesKind.Docker, raw, "", "", null, null);
        }

        var at = raw.LastIndexOf('@');
        var path = at < 0 ? raw : raw[..at];
        var reference = at < 0 ? null : raw[(at + 1)..];
        var parts = path.Split('/');
        if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return null;
        }

        if (!parts[0].All(IsNameChar) || !parts[1].All(IsNameChar))
        {
            return null;
        }

        var sub = parts.Length > 2 ? string.Join('/', parts.Skip(2)) : null;
        return new UsesReference(UsesKind.Repository, raw, parts[0], parts[1], sub, reference);
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    /// <summary>True when this is <paramref name="pattern"/> (<c>owner/repo</c> or <c>owner/repo/path</c>), ignoring case.</summary>
    public bool Matches(string pattern) =>
        Kind == UsesKind.Repository
        && (string.Equals(Target, pattern, StringComparison.OrdinalIgnoreCase)
            || (!pattern.Contains('/', StringComparison.Ordinal) && string.Equals(Owner, pattern, StringComparison.OrdinalIgnoreCase)));
}
