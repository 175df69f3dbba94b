using System.Formats.Tar;
using Shipgate.Core;

namespace Shipgate.Containers.Images.Archives;

/// <summary>
/// Where an image's members live: the files of an OCI layout directory or the members of a <c>docker save</c> /
/// OCI tarball. Paths are relative, with forward slashes. Opening a member gives a fresh seekable stream; the
/// tarball is indexed once and never extracted. Not thread-safe.
/// </summary>
internal abstract class BlobSource : IDisposable
{
    public abstract bool Exists(string member);

    public abstract long LengthOf(string member);

    public abstract Stream Open(string member);

    /// <summary>Reads a small JSON member, refusing anything larger than <paramref name="maxBytes"/>.</summary>
    public byte[] ReadSmall(string member, int maxBytes)
    {
        if (!Exists(member))
        {
            throw new InputFormatException($"{member}: missing from the image");
        }

        var length = LengthOf(member);
        if (length > maxBytes)
        {
            throw new InputFormatException($"{member}: {length} bytes is larger than the {maxBytes}-byte limit for image metadata");
        }

        using var stream = Open(member);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public abstract void Dispose();

    public static string Normalise(string member)
    {
        var path = member.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path.TrimStart('/');
    }
}

/// <summary>An OCI image layout on disk. Members must stay inside the directory.</summary>
internal sealed class DirectoryBlobSource(string root) : BlobSource
{
    private readonly string root = Path.GetFullPath(root);

    public override bool Exists(string member) => Resolve(member) is { } path && File.Exists(path);

    public override long LengthOf(string member) => new FileInfo(Resolve(member) ?? throw Missing(member)).Length;

    public override Stream Open(string member) =>
        new FileStream(Resolve(member) ?? throw Missing(member), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    public override void Dispose()
    {
    }

    private static InputFormatException Missing(string member) => new($"{member}: missing from the image layout");

    private string? Resolve(string member)
    {
        var full = Path.GetFullPath(Path.Combine(root, Normalise(member)));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}

/// <summary>A tarball (<c>docker save</c> output, or an OCI layout packed as tar), indexed by member name in one pass.</summary>
internal sealed class TarBlobSource : BlobSource
{
    private const int MaxMembers = 200_000;
    private readonly string path;
    private readonly Dictionary<string, (long Offset, long Length)> members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> links = new(StringComparer.Ordinal);

    public TarBlobSource(string path, string displayName)
    {
        this.path = path;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            using var reader = new TarReader(stream, leaveOpen: true);
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                if (members.Count + links.Count >= MaxMembers)
                {
                    throw new InputFormatException($"{displayName}: more than {MaxMembers} members; not an image archive");
                }

                var name = Normalise(entry.Name);
                switch (entry.EntryType)
                {
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        if (entry.DataOffset < 0 || entry.DataOffset + entry.Length > stream.Length)
                        {
                            throw new InputFormatException($"{displayName}: member {name} is truncated");
                        }

                        members[name] = (entry.DataOffset, entry.Length);
                        break;
                    case TarEntryType.SymbolicLink:
                        links[name] = Normalise(CombineLink(name, entry.LinkName));
                        break;
                    case TarEntryType.HardLink:
                        links[name] = Normalise(entry.LinkName);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException or ArgumentException)
        {
            throw new InputFormatException($"{displayName}: not a readable tar archive ({ex.Message.TrimEnd('.')})");
        }
    }

    public override bool Exists(string member) => Find(member) is not null;

    public override long LengthOf(string member) => (Find(member) ?? throw Missing(member)).Length;

    public override Stream Open(string member)
    {
        var (offset, length) = Find(member) ?? throw Missing(member);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new SubStream(file, offset, length, ownsInner: true);
    }

    public override void Dispose()
    {
    }

    private static InputFormatException Missing(string member) => new($"{member}: missing from the image archive");

    private static string CombineLink(string name, string target)
    {
        if (target.StartsWith('/'))
        {
            return target;
        }

        var slash = name.LastIndexOf('/');
        var parts = new List<string>();
        foreach (var part in ((slash < 0 ? "" : name[..slash]) + "/" + target).Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    private (long Offset, long Length)? Find(string member)
    {
        var name = Normalise(member);
        for (var hops = 0; hops < 8; hops++)
        {
            if (members.TryGetValue(name, out var found))
            {
                return found;
            }

            if (!links.TryGetValue(name, out var target))
            {
                return null;
            }

            name = target;
        }

        return null;
    }
}
