using System.Text;
using Shipgate.Core;

namespace Shipgate.Workflows.Fixes;

/// <summary>One resolved action ref: <c>owner/repo@ref</c> is commit <see cref="Commit"/>, best described as <see cref="Version"/>.</summary>
public sealed record LockedAction(string Repository, string Ref, string Commit, string Version)
{
    /// <summary>The lookup key: <c>owner/repo</c> in lower case (GitHub names are case-insensitive) and the ref as written.</summary>
    public string Key => KeyOf(Repository, Ref);

    public static string KeyOf(string repository, string reference) => repository.ToLowerInvariant() + "@" + reference;
}

/// <summary>
/// <c>.shipgate/actions.lock</c>: the commit every pinned action ref resolved to, so later <c>shipgate fix</c> runs and
/// CI pin the same SHAs without the network. A line-oriented text file made for clean diffs: two comment lines,
/// then one entry per line, <c>owner/repo ref commit version</c>, sorted by repository then ref (ordinal), LF endings.
/// Immutable; <see cref="With"/> returns a new lock.
/// </summary>
public sealed class ActionsLock
{
    public const string RelativePath = ".shipgate/actions.lock";

    private const string Header =
        "# Shipgate actions lock: the commit each action ref resolved to. Written by `shipgate fix`; commit this file.\n" +
        "# <owner/repo> <ref> <commit> <version>, one per line, sorted. Delete a line to resolve that ref again.\n";

    private readonly SortedDictionary<string, LockedAction> entries;

    private ActionsLock(SortedDictionary<string, LockedAction> entries) => this.entries = entries;

    public static ActionsLock Empty { get; } = new(new SortedDictionary<string, LockedAction>(StringComparer.Ordinal));

    public IReadOnlyCollection<LockedAction> Entries => entries.Values;

    public LockedAction? Find(string repository, string reference) =>
        entries.GetValueOrDefault(LockedAction.KeyOf(repository, reference));

    /// <summary>A new lock with <paramref name="added"/> added or replaced.</summary>
    public ActionsLock With(IEnumerable<LockedAction> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        var copy = new SortedDictionary<string, LockedAction>(entries, StringComparer.Ordinal);
        foreach (var entry in added)
        {
            copy[entry.Key] = entry with { Repository = entry.Repository.ToLowerInvariant() };
        }

        return new ActionsLock(copy);
    }

    /// <summary>Parses a lock file; a malformed line is an <see cref="InputFormatException"/> with its line and column.</summary>
    public static ActionsLock Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var map = new SortedDictionary<string, LockedAction>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var fields = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var column = line.Length - line.TrimStart().Length + 1;
            if (fields.Length != 4)
            {
                throw new InputFormatException($"expected '<owner/repo> <ref> <commit> <version>', found {fields.Length} field(s)", lineNumber, column);
            }

            if (fields[0].Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
            {
                throw new InputFormatException($"'{fields[0]}' is not an owner/repo name", lineNumber, column);
            }

            if (!IsCommit(fields[2]))
            {
                throw new InputFormatException($"'{fields[2]}' is not a 40-hex commit SHA", lineNumber, line.IndexOf(fields[2], StringComparison.Ordinal) + 1);
            }

            var entry = new LockedAction(fields[0].ToLowerInvariant(), fields[1], fields[2].ToLowerInvariant(), fields[3]);
            map[entry.Key] = entry;
        }

        return new ActionsLock(map);
    }

    /// <summary>The file text: header, then entries sorted by key; the same lock always gives the same bytes.</summary>
    public string Format()
    {
        var builder = new StringBuilder(Header);
        foreach (var entry in entries.Values)
        {
            builder.Append(entry.Repository).Append(' ').Append(entry.Ref).Append(' ').Append(entry.Commit).Append(' ').Append(entry.Version).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Reads <c>.shipgate/actions.lock</c> under <paramref name="root"/>; an absent file is an empty lock.</summary>
    public static ActionsLock Load(string root)
    {
        var path = Path.Combine(root, RelativePath);
        if (!File.Exists(path))
        {
            return Empty;
        }

        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (InputFormatException ex)
        {
            throw new InputFormatException($"{RelativePath}:{ex.Line}:{ex.Column}: {ex.Message}", ex.Line, ex.Column);
        }
    }

    internal static bool IsCommit(string value) => value.Length == 40 && value.All(char.IsAsciiHexDigit);
}
