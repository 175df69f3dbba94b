using System.Globalization;
using System.Text;
using Shipgate.Core;

namespace Shipgate.Secrets.Sources;

/// <summary>
/// Reads a known list of blobs through one long-lived <c>git cat-file --batch</c>, ahead of the consumer: a writer
/// thread feeds the ids, a reader thread parses the contents into a <see cref="BoundedQueue{T}"/> (16 MiB, 1,024 blobs),
/// so git inflates the next blobs on one core while detection runs on the other, and memory stays bounded. Blobs over
/// the size limit, and blobs whose head looks binary (unless the caller keeps them, e.g. archives), are skipped in the
/// stream without being copied. Blobs come out in the order of the ids. A git failure becomes a
/// <see cref="GitRepositoryException"/> with git's message, thrown to the consumer after the blobs read before it.
/// Dispose ends git and both threads, also when the consumer stops early. One consumer at a time.
/// </summary>
internal sealed class CatFileBatch : IDisposable
{
    /// <summary>How much of a blob's head decides binary or text, as <see cref="ScanFile.IsBinary"/> does.</summary>
    public const int SniffBytes = 8192;

    private const long MaxQueuedBytes = 16L * 1024 * 1024;
    private const int MaxQueuedBlobs = 1024;

    private readonly string repository;
    private readonly IReadOnlyList<string> ids;
    private readonly long maxBlobBytes;
    private readonly Func<int, bool> keepBinary;
    private readonly GitProcess git;
    private readonly BoundedQueue<CatFileBlob> queue = new(MaxQueuedBytes, MaxQueuedBlobs);
    private readonly Thread writer;
    private readonly Thread reader;
    private int blobsRead;
    private int skippedBinary;
    private int skippedTooLarge;
    private int missing;
    private volatile bool disposed;

    private CatFileBatch(string repository, IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string> ids, long maxBlobBytes, Func<int, bool> keepBinary)
    {
        this.repository = repository;
        this.ids = ids;
        this.maxBlobBytes = Math.Min(maxBlobBytes, Array.MaxLength);
        this.keepBinary = keepBinary;
        git = GitProcess.Start(repository, ["cat-file", "--batch", "--buffer"], environment, redirectInput: true);
        writer = new Thread(WriteIds) { IsBackground = true, Name = "git cat-file writer" };
        reader = new Thread(ReadContents) { IsBackground = true, Name = "git cat-file reader" };
        writer.Start();
        reader.Start();
    }

    /// <summary>Blobs whose content came through git (binary ones included); final once <see cref="Read"/> ended.</summary>
    public int BlobsRead => Volatile.Read(ref blobsRead);

    public int SkippedBinary => Volatile.Read(ref skippedBinary);

    public int SkippedTooLarge => Volatile.Read(ref skippedTooLarge);

    /// <summary>Ids git reported missing (a partial or damaged clone).</summary>
    public int Missing => Volatile.Read(ref missing);

    /// <param name="repository">A directory inside the repository.</param>
    /// <param name="environment">Extra environment variables for git.</param>
    /// <param name="ids">Blob ids, read in this order.</param>
    /// <param name="maxBlobBytes">Larger blobs are skipped.</param>
    /// <param name="keepBinary">Whether the blob at an index is wanted even when it looks binary.</param>
    public static CatFileBatch Start(
        string repository, IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string> ids, long maxBlobBytes, Func<int, bool> keepBinary) =>
        new(repository, environment, ids, maxBlobBytes, keepBinary);

    /// <summary>The blobs wanted, in id order, as the reader thread gets them. Enumerate once.</summary>
    public IEnumerable<CatFileBlob> Read(CancellationToken cancellationToken = default)
    {
        while (queue.TryTake(out var blob, cancellationToken))
        {
            yield return blob;
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        queue.Close();
        git.Kill();
        writer.Join();
        reader.Join();
        git.Dispose();
    }

    private void WriteIds()
    {
        var input = git.Input;
        try
        {
            // In chunks of ids, so the pipe sees few large writes and memory does not grow with the history.
            var chunk = new byte[64 * 1024];
            var used = 0;
            foreach (var id in ids)
            {
                if (used + id.Length + 1 > chunk.Length)
                {
                    input.Write(chunk, 0, used);
                    used = 0;
                }

                used += Encoding.ASCII.GetBytes(id, chunk.AsSpan(used));
                chunk[used++] = (byte)'\n';
            }

            input.Write(chunk, 0, used);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // git went away (the consumer stopped, or git failed): the reader reports it
        }
        finally
        {
            try
            {
                input.Dispose();
            }
            catch (IOException)
            {
            }
        }
    }

    private void ReadContents()
    {
        Exception? failure = null;
        try
        {
            failure = ReadAll();
        }
#pragma warning disable CA1031 // Nothing may escape a background thread: the consumer gets the failure instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // the pipe ended mid-blob (git died, or Dispose ended it), git exited non-zero, or a bug
            failure = disposed ? null : ex is IOException or ObjectDisposedException or InvalidOperationException ? Failure() : ex;
        }
        finally
        {
            queue.Complete(failure);
        }
    }

    /// <summary>Parses the whole output; returns the failure to report, or null.</summary>
    private GitRepositoryException? ReadAll()
    {
        var output = new GitOutputReader(git.Output);
        for (var index = 0; index < ids.Count; index++)
        {
            // "<id> blob <size>" then the content and a newline, or "<id> missing"
            var header = output.ReadText((byte)'\n');
            if (header is null)
            {
                return disposed ? null : Failure();
            }

            var parts = header.Split(' ');
            if (parts.Length < 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                missing++; // "<id> missing": a partial or damaged clone
                continue;
            }

            if (parts[1] != "blob")
            {
                output.Skip(size + 1); // not a blob after all: nothing to scan, but its content must be passed over
                missing++;
                continue;
            }

            if (size > maxBlobBytes)
            {
                output.Skip(size + 1);
                skippedTooLarge++;
                continue;
            }

            blobsRead++;
            if (BinarySniffer.LooksBinary(output.Peek((int)Math.Min(size, SniffBytes))) && !keepBinary(index))
            {
                output.Skip(size + 1);
                skippedBinary++;
                continue;
            }

            var content = output.ReadBytes((int)size);
            output.Skip(1);
            if (!queue.Add(new CatFileBlob(index, content), size))
            {
                return null; // the consumer stopped
            }
        }

        git.WaitAndCheck();
        return null;
    }

    private GitRepositoryException Failure()
    {
        git.Kill(); // normally gone already; never wait on a git that still runs
        var message = GitProcess.Describe(repository, git.ErrorText());
        return new GitRepositoryException(message.EndsWith(": git failed", StringComparison.Ordinal)
            ? $"{repository}: git cat-file stopped before the last blob."
            : message);
    }
}

/// <summary>One blob of a <see cref="CatFileBatch"/>: its index in the id list and its content.</summary>
internal readonly record struct CatFileBlob(int Index, byte[] Content);
