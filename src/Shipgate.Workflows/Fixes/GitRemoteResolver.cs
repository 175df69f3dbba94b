using System.Text;
using Shipgate.Workflows.Git;

namespace Shipgate.Workflows.Fixes;

/// <summary>Turns <c>owner/repo@ref</c> into a commit. One method, so tests and offline runs can swap it.</summary>
public interface IActionRefResolver
{
    /// <summary>The resolved ref, or a reason it could not be resolved.</summary>
    Task<ActionResolution> ResolveAsync(string repository, string reference, CancellationToken cancellationToken);
}

/// <summary>The outcome of resolving one ref: <see cref="Action"/> when found, else <see cref="Problem"/>.</summary>
public sealed record ActionResolution(LockedAction? Action, string? Problem)
{
    public static ActionResolution Found(LockedAction action) => new(action, null);

    public static ActionResolution Failed(string problem) => new(null, problem);
}

/// <summary>
/// Resolves refs with <c>git ls-remote --tags --heads &lt;base&gt;/owner/repo</c>. A tag wins over a branch of the
/// same name; an annotated tag resolves to its peeled commit (<c>^{}</c>); the version is the most specific
/// version tag on the same commit that extends the ref (<c>v4</c> → <c>v4.1.7</c>), else the ref itself.
/// A token (for rate limits and private actions) goes to git as an <c>http.extraheader</c> through
/// <c>GIT_CONFIG_*</c> environment variables, never on the command line, and never in messages.
/// Results are memoised per repository for the lifetime of the instance. Thread-safe.
/// </summary>
public sealed class GitRemoteResolver : IActionRefResolver
{
    public const string DefaultBase = "https://github.com";

    private readonly string remoteBase;
    private readonly string? token;
    private readonly TimeSpan timeout;
    private readonly Dictionary<string, Task<RemoteRefs>> listings = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public GitRemoteResolver(string? remoteBase = null, string? token = null, TimeSpan? timeout = null)
    {
        this.remoteBase = (string.IsNullOrWhiteSpace(remoteBase) ? DefaultBase : remoteBase.Trim()).TrimEnd('/');
        this.token = string.IsNullOrEmpty(token) ? null : token;
        this.timeout = timeout ?? TimeSpan.FromSeconds(60);
    }

    public async Task<ActionResolution> ResolveAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(reference);
        Task<RemoteRefs> listing;
        lock (gate)
        {
            var key = repository.ToLowerInvariant();
            if (!listings.TryGetValue(key, out listing!))
            {
                listing = ListAsync(repository, cancellationToken);
                listings[key] = listing;
            }
        }

        var refs = await listing.ConfigureAwait(false);
        if (refs.Problem is { } problem)
        {
            return ActionResolution.Failed(problem);
        }

        return Resolve(refs, repository, reference);
    }

    /// <summary>Picks the commit and version for <paramref name="reference"/> from <c>git ls-remote</c> output.</summary>
    internal static ActionResolution Resolve(RemoteRefs refs, string repository, string reference)
    {
        string? commit = null;
        var isTag = false;
        if (refs.Tags.TryGetValue(reference, out var tagCommit))
        {
            commit = tagCommit;
            isTag = true;
        }
        else if (refs.Heads.TryGetValue(reference, out var headCommit))
        {
            commit = headCommit;
        }

        if (commit is null)
        {
            return ActionResolution.Failed($"{repository} has no tag or branch '{reference}'");
        }

        var version = reference;
        if (isTag || LooksLikeVersion(reference))
        {
            var best = refs.Tags
                .Where(t => t.Value == commit && (t.Key == reference || t.Key.StartsWith(reference + ".", StringComparison.Ordinal)))
                .Select(t => t.Key)
                .OrderByDescending(t => t.Count(c => c == '.'))
                .ThenByDescending(t => t.Length)
                .ThenBy(t => t, StringComparer.Ordinal)
                .FirstOrDefault();
            version = best ?? reference;
        }

        return ActionResolution.Found(new LockedAction(repository.ToLowerInvariant(), reference, commit, version));
    }

    private static bool LooksLikeVersion(string reference) =>
        reference.TrimStart('v', 'V') is { Length: > 0 } rest && char.IsAsciiDigit(rest[0]);

    /// <summary>Parses <c>&lt;sha&gt;\t&lt;ref&gt;</c> lines; a peeled <c>refs/tags/x^{}</c> overrides the tag object's SHA.</summary>
    internal static RemoteRefs ParseListing(string output)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var peeled = new Dictionary<string, string>(StringComparer.Ordinal);
        var heads = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab != 40 || !ActionsLock.IsCommit(line[..40]))
            {
                continue;
            }

            var sha = line[..40].ToLowerInvariant();
            var name = line[(tab + 1)..];
            if (name.StartsWith("refs/tags/", StringComparison.Ordinal))
            {
                var tag = name["refs/tags/".Length..];
                if (tag.EndsWith("^{}", StringComparison.Ordinal))
                {
                    peeled[tag[..^3]] = sha;
                }
                else
                {
                    tags.TryAdd(tag, sha);
                }
            }
            else if (name.StartsWith("refs/heads/", StringComparison.Ordinal))
            {
                heads[name["refs/heads/".Length..]] = sha;
            }
        }

        foreach (var (tag, sha) in peeled)
        {
            tags[tag] = sha;
        }

        return new RemoteRefs(tags, heads, null);
    }

    private async Task<RemoteRefs> ListAsync(string repository, CancellationToken cancellationToken)
    {
        var url = remoteBase + "/" + repository;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (token is not null && url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));
            environment["GIT_CONFIG_COUNT"] = "1";
            environment["GIT_CONFIG_KEY_0"] = "http.extraheader";
            environment["GIT_CONFIG_VALUE_0"] = "AUTHORIZATION: basic " + basic;
        }

        var result = await GitProcess.RunAsync(null, ["ls-remote", "--tags", "--heads", "--", url], environment, timeout, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? ParseListing(result.Output) : RemoteRefs.Failure($"git ls-remote {url} failed: {Redact(result.FirstErrorLine)}");
    }

    private string Redact(string message) => token is null ? message : message.Replace(token, "***", StringComparison.Ordinal);
}

/// <summary>Tags (peeled) and branches of one remote, by short name; or why they could not be listed.</summary>
internal sealed record RemoteRefs(IReadOnlyDictionary<string, string> Tags, IReadOnlyDictionary<string, string> Heads, string? Problem)
{
    public static RemoteRefs Failure(string problem) =>
        new(new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), problem);
}
