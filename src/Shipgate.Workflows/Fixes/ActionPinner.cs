using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Workflows.Rules;
using Shipgate.Workflows.Yaml;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Fixes;

/// <summary>A <c>uses:</c> to pin: where its ref is written in the file and what follows it on the line.</summary>
public sealed record PinSite(string Repository, string Ref, int RefOffset, int RefLength, int LineRestOffset, int LineRestLength, bool CanComment);

/// <summary>What pinning a set of files produced: per file, the edits of each pinned <c>uses:</c>; the updated lock; what failed.</summary>
public sealed record PinPlan(IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<TextEdit>>> Edits, ActionsLock Lock, IReadOnlyList<string> Unresolved, int Pinned);

/// <summary>
/// Pins <c>uses: owner/repo@ref</c> to the full commit SHA with a <c># version</c> comment, as surgical text edits:
/// only the ref and the comment after it change. The commit comes from <c>.shipgate/actions.lock</c> first, then
/// (unless offline) from an <see cref="IActionRefResolver"/>; new resolutions are added to the lock.
/// Stateless; the lock is passed in and returned.
/// </summary>
public static partial class ActionPinner
{
    /// <summary>The pinnable <c>uses:</c> of a GitHub workflow or action whose reported position is in <paramref name="targets"/>.</summary>
    public static IReadOnlyList<PinSite> FindSites(string path, string text, IReadOnlySet<(int Line, int Column)> targets)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(targets);
        var name = Path.GetFileName(path);
        var kind = name is "action.yml" or "action.yaml" ? GitHubDocumentKind.Action : GitHubDocumentKind.Workflow;
        var document = GitHubDocument.Parse(kind, path, text);
        var source = document.Source;
        var sites = new List<PinSite>();
        var seen = new HashSet<int>();
        foreach (var (uses, scalar, _, _, _) in RuleSupport.AllUses(document))
        {
            if (uses.Kind != UsesKind.Repository || uses.Ref is not { Length: > 0 } reference || uses.IsShaPinned || !seen.Add(scalar.Start.Offset))
            {
                continue;
            }

            var lead = scalar.Value.Length - scalar.Value.TrimStart().Length;
            var location = source.Of(scalar, lead, Math.Max(1, scalar.Value.Trim().Length));
            if (!targets.Contains((location.StartLine, location.StartColumn)) || Site(source, scalar, uses, reference) is not { } site)
            {
                continue;
            }

            sites.Add(site);
        }

        return sites;
    }

    private static PinSite? Site(SourceText source, YamlScalar scalar, UsesReference uses, string reference)
    {
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted))
        {
            return null;
        }

        var raw = source.RawOf(scalar);
        var quoted = scalar.Style != ScalarStyle.Plain;
        var inner = quoted ? raw[1..^1] : raw;
        if (inner.Trim() != scalar.Value.Trim() || inner.Contains('\n', StringComparison.Ordinal))
        {
            return null;
        }

        var at = inner.LastIndexOf('@');
        var refStart = scalar.Start.Offset + (quoted ? 1 : 0) + at + 1;
        if (at < 0 || source.Text.AsSpan(refStart, reference.Length).SequenceEqual(reference) is false)
        {
            return null;
        }

        var restStart = scalar.End.Offset;
        var lineEnd = source.Text.IndexOf('\n', restStart);
        lineEnd = lineEnd < 0 ? source.Text.Length : lineEnd;
        if (lineEnd > restStart && source.Text[lineEnd - 1] == '\r')
        {
            lineEnd--;
        }

        var rest = source.Text[restStart..lineEnd];
        var canComment = rest.Trim().Length == 0 || rest.TrimStart().StartsWith('#');
        return new PinSite(uses.Owner + "/" + uses.Repo, reference, refStart, reference.Length, restStart, lineEnd - restStart, canComment);
    }

    /// <summary>The edits that pin one site: the ref becomes the commit; a version comment is added or replaced.</summary>
    public static IReadOnlyList<TextEdit> EditsFor(string text, PinSite site, LockedAction action)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(action);
        var edits = new List<TextEdit> { new(site.RefOffset, site.RefLength, action.Commit) };
        if (!site.CanComment)
        {
            return edits;
        }

        var rest = text.Substring(site.LineRestOffset, site.LineRestLength);
        var comment = " # " + action.Version;
        if (rest.Trim().Length == 0)
        {
            edits.Add(new TextEdit(site.LineRestOffset, site.LineRestLength, comment));
        }
        else if (VersionComment().Match(rest) is { Success: true } match)
        {
            // "# v4" or "# tag=v4", possibly followed by another comment: replace just the version part.
            edits.Add(new TextEdit(site.LineRestOffset, match.Length, match.Length < rest.Length ? comment + " " : comment));
        }
        else
        {
            edits.Add(new TextEdit(site.LineRestOffset, 0, comment));
        }

        return edits;
    }

    /// <summary>
    /// Resolves every site's ref (lock first, then <paramref name="resolver"/> when not null) and returns the edits
    /// per file and the lock with the new resolutions. Refs that cannot be resolved are listed, not guessed.
    /// </summary>
    public static async Task<PinPlan> PlanAsync(
        IReadOnlyDictionary<string, (string Text, IReadOnlyList<PinSite> Sites)> files,
        ActionsLock actionsLock,
        IActionRefResolver? resolver,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(actionsLock);
        var resolved = new Dictionary<string, LockedAction>(StringComparer.Ordinal);
        var problems = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var added = new List<LockedAction>();
        var wanted = files.Values.SelectMany(f => f.Sites).Select(s => (s.Repository, s.Ref)).Distinct()
            .OrderBy(s => s.Repository.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(s => s.Ref, StringComparer.Ordinal);
        foreach (var (repository, reference) in wanted)
        {
            var key = LockedAction.KeyOf(repository, reference);
            if (resolved.ContainsKey(key) || problems.ContainsKey(key))
            {
                continue;
            }

            if (actionsLock.Find(repository, reference) is { } locked)
            {
                resolved[key] = locked;
                continue;
            }

            if (resolver is null)
            {
                problems[key] = $"{repository}@{reference}: not in {ActionsLock.RelativePath} (run without --offline to resolve it)";
                continue;
            }

            var result = await resolver.ResolveAsync(repository, reference, cancellationToken).ConfigureAwait(false);
            if (result.Action is { } action)
            {
                resolved[key] = action;
                added.Add(action);
            }
            else
            {
                problems[key] = $"{repository}@{reference}: {result.Problem}";
            }
        }

        var edits = new SortedDictionary<string, IReadOnlyList<IReadOnlyList<TextEdit>>>(StringComparer.Ordinal);
        var pinned = 0;
        foreach (var (path, (text, sites)) in files)
        {
            var list = new List<IReadOnlyList<TextEdit>>();
            foreach (var site in sites)
            {
                if (resolved.TryGetValue(LockedAction.KeyOf(site.Repository, site.Ref), out var action))
                {
                    list.Add(EditsFor(text, site, action));
                    pinned++;
                }
            }

            if (list.Count > 0)
            {
                edits[path] = list;
            }
        }

        return new PinPlan(edits, actionsLock.With(added), problems.Values.ToList(), pinned);
    }

    [GeneratedRegex(@"^\s*#\s*(?:tag\s*=\s*)?v?\d[\w.+-]*[ \t]*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex VersionComment();
}
