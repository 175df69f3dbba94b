using System.Globalization;
using Shipgate.Core;

namespace Shipgate.Secrets.Sources;

/// <summary>
/// Every blob reachable from HEAD (or all refs, or <c>REV..HEAD</c>), each unique blob read and yielded once, with the
/// commit that first introduced it at that path as provenance (<c>commit</c>, <c>author</c>, <c>email</c>,
/// <c>date</c>). Two git processes in total: one <c>git log --raw</c> walk (oldest first) that attributes blobs, and one
/// long-lived <c>git cat-file --batch</c> that streams their contents, read ahead of the consumer on its own threads
/// into a bounded queue (<see cref="CatFileBatch"/>) so git and detection overlap. Enumerate once; not thread-safe.
/// </summary>
public sealed class HistorySource : ISecretSource
{
    private const byte CommitMarker = 0x1e;

    private readonly HistoryOptions options;
    private readonly List<string> warnings = [];
    private int commits;
    private int blobsRead;
    private int skippedBinary;
    private int skippedTooLarge;
    private int missing;
    private int uniqueBlobs;
    private bool? truncated;

    public HistorySource(string repositoryPath, HistoryOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryPath);
        RepositoryPath = repositoryPath;
        this.options = options ?? HistoryOptions.Default;
    }

    public string RepositoryPath { get; }

    /// <summary>True for a shallow clone: commits beyond the graft point are not there to scan.</summary>
    public bool Truncated => truncated ??= GitProcess.TryRun(RepositoryPath, options.Environment, "rev-parse", "--is-shallow-repository") == "true";

    /// <summary>Things the user should know about coverage (shallow clone, missing objects).</summary>
    public IReadOnlyList<string> Warnings => warnings;

    public HistoryStatistics Statistics => new(commits, uniqueBlobs, blobsRead, skippedBinary, skippedTooLarge, missing);

    /// <summary>
    /// The blobs, oldest introduction first. Throws <see cref="GitRepositoryException"/> (on the call) for a missing,
    /// non-git or corrupt repository or an unknown <see cref="HistoryOptions.Since"/> revision.
    /// </summary>
    public IEnumerable<ScanFile> Files(CancellationToken cancellationToken = default)
    {
        GitRepository.Verify(RepositoryPath, options.Environment);
        if (Truncated)
        {
            warnings.Add("history is truncated (shallow clone)");
        }

        if (!options.AllRefs && !GitRepository.HasCommit(RepositoryPath, "HEAD", options.Environment))
        {
            return []; // a repository without commits has no history
        }

        // Revisions go after --end-of-options, so a name starting with '-' can never be read as an option.
        string[] revisions = options.AllRefs ? [] : ["HEAD"];
        if (options.Since is { } since)
        {
            if (since.StartsWith('-') || !GitRepository.HasCommit(RepositoryPath, since, options.Environment))
            {
                throw new GitRepositoryException($"{RepositoryPath}: unknown revision '{since}'.");
            }

            revisions = [.. revisions, "^" + since];
        }

        var blobs = Attribute(revisions, cancellationToken);
        return ReadBlobs(blobs, cancellationToken);
    }

    /// <summary>Walks the log oldest first and keeps, per blob id, the first (commit, path) that introduced it.</summary>
    private List<Blob> Attribute(string[] revisions, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "log", "--reverse", "--topo-order", "--raw", "--no-abbrev", "-z", "--no-renames", "--diff-merges=first-parent",
            "--no-ext-diff", "--no-textconv", "--no-show-signature", "--encoding=UTF-8", "--ignore-submodules",
            "--format=%x1e%H%x00%an%x00%ae%x00%aI", .. (options.AllRefs ? (string[])["--all"] : []), "--end-of-options", .. revisions, "--",
        ];
        using var git = GitProcess.Start(RepositoryPath, arguments, options.Environment);
        var reader = new GitOutputReader(git.Output);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var blobs = new List<Blob>();
        Commit? commit = null;
        while (reader.ReadRecord(0) is { } record)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = record.AsSpan().TrimStart((byte)'\n');
            if (token.Length > 0 && token[0] == CommitMarker)
            {
                var hash = GitOutputReader.Decode(token[1..]);
                commit = new Commit(hash, reader.ReadText(0) ?? "", reader.ReadText(0) ?? "", reader.ReadText(0) ?? "");
                commits++;
                continue;
            }

            if (token.Length == 0 || token[0] != (byte)':' || commit is null)
            {
                continue;
            }

            // ":<old mode> <new mode> <old id> <new id> <status>", then the path (two paths for copies and renames)
            var fields = GitOutputReader.Decode(token[1..]).Split(' ');
            var path = reader.ReadText(0) ?? "";
            if (fields.Length >= 5 && fields[4].Length > 0 && fields[4][0] is 'C' or 'R')
            {
                path = reader.ReadText(0) ?? "";
            }

            if (fields.Length < 5 || fields[4].StartsWith('D') || !fields[1].StartsWith("100", StringComparison.Ordinal))
            {
                continue; // deletions, symlinks (120000) and submodules (160000) carry no blob to scan
            }

            if (seen.Add(fields[3]))
            {
                blobs.Add(new Blob(fields[3], path, commit));
            }
        }

        git.WaitAndCheck();
        uniqueBlobs = blobs.Count;
        return blobs;
    }

    /// <summary>
    /// Streams the blobs through one <c>git cat-file --batch</c> that reads ahead on its own threads
    /// (<see cref="CatFileBatch"/>), so git and detection run at the same time.
    /// </summary>
    private IEnumerable<ScanFile> ReadBlobs(List<Blob> blobs, CancellationToken cancellationToken)
    {
        if (blobs.Count == 0)
        {
            yield break;
        }

        var batch = CatFileBatch.Start(
            RepositoryPath, options.Environment, blobs.ConvertAll(b => b.Id), options.MaxBlobBytes, index => Archives.ArchiveFormats.IsArchive(blobs[index].Path));
        try
        {
            foreach (var (index, content) in batch.Read(cancellationToken))
            {
                var blob = blobs[index];
                yield return ScanFile.FromBytes(blob.Path, content, blob.Path).WithProvenance(blob.Commit.Provenance);
            }
        }
        finally
        {
            batch.Dispose();
            (blobsRead, skippedBinary, skippedTooLarge, missing) = (batch.BlobsRead, batch.SkippedBinary, batch.SkippedTooLarge, batch.Missing);
        }

        if (missing > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{missing} blob(s) missing from the object database were not scanned"));
        }
    }

    private sealed record Commit(string Hash, string Author, string Email, string Date)
    {
        public IReadOnlyDictionary<string, string> Provenance { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["commit"] = Hash,
            ["author"] = Author,
            ["email"] = Email,
            ["date"] = Date,
        };
    }

    private sealed record Blob(string Id, string Path, Commit Commit);
}
