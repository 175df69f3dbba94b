using System.Buffers.Binary;
using System.Text;

namespace Shipgate.Containers.Images.Packages;

/// <summary>
/// Parses an rpm header blob as rpmdb stores it (no lead, no magic): big-endian <c>il</c> index-entry count and
/// <c>dl</c> data length, then <c>il</c> 16-byte entries (tag, type, offset, count), then the data store. Reads the
/// tags a package inventory needs. Bounds-checked: a malformed blob throws <see cref="InvalidDataException"/>. Stateless.
/// </summary>
internal static class RpmHeader
{
    public const int TagName = 1000;
    public const int TagVersion = 1001;
    public const int TagRelease = 1002;
    public const int TagEpoch = 1003;
    public const int TagArch = 1022;
    public const int TagSourceRpm = 1044;

    private const int TypeInt32 = 4;
    private const int TypeString = 6;
    private const int TypeStringArray = 8;
    private const int TypeI18nString = 9;
    private const int MaxIndexEntries = 1 << 16;

    public sealed record Fields(string? Name, string? Version, string? Release, int? Epoch, string? Arch, string? SourceRpm);

    public static Fields Parse(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 8)
        {
            throw new InvalidDataException("rpm header shorter than 8 bytes");
        }

        var il = BinaryPrimitives.ReadInt32BigEndian(blob);
        var dl = BinaryPrimitives.ReadInt32BigEndian(blob[4..]);
        if (il < 0 || il > MaxIndexEntries || dl < 0 || 8L + (16L * il) + dl > blob.Length)
        {
            throw new InvalidDataException($"rpm header declares {il} entries and {dl} data bytes, more than the blob holds");
        }

        var data = blob.Slice(8 + (16 * il), dl);
        string? name = null, version = null, release = null, arch = null, source = null;
        int? epoch = null;
        for (var i = 0; i < il; i++)
        {
            var entry = blob.Slice(8 + (16 * i), 16);
            var tag = BinaryPrimitives.ReadInt32BigEndian(entry);
            var type = BinaryPrimitives.ReadInt32BigEndian(entry[4..]);
            var offset = BinaryPrimitives.ReadInt32BigEndian(entry[8..]);
            var count = BinaryPrimitives.ReadInt32BigEndian(entry[12..]);
            if (tag is not (TagName or TagVersion or TagRelease or TagEpoch or TagArch or TagSourceRpm))
            {
                continue;
            }

            if (offset < 0 || offset >= dl || count < 1)
            {
                throw new InvalidDataException($"rpm header tag {tag} points outside the data store");
            }

            switch (type)
            {
                case TypeInt32 when tag == TagEpoch:
                    if (offset + 4 > dl)
                    {
                        throw new InvalidDataException("rpm header epoch is truncated");
                    }

                    epoch = BinaryPrimitives.ReadInt32BigEndian(data[offset..]);
                    break;
                case TypeString or TypeStringArray or TypeI18nString:
                    var text = ReadString(data, offset);
                    switch (tag)
                    {
                        case TagName:
                            name = text;
                            break;
                        case TagVersion:
                            version = text;
                            break;
                        case TagRelease:
                            release = text;
                            break;
                        case TagArch:
                            arch = text;
                            break;
                        case TagSourceRpm:
                            source = text;
                            break;
                    }

                    break;
            }
        }

        return new Fields(name, version, release, epoch, arch, source);
    }

    private static string ReadString(ReadOnlySpan<byte> data, int offset)
    {
        var rest = data[offset..];
        var end = rest.IndexOf((byte)0);
        if (end < 0)
        {
            throw new InvalidDataException("rpm header string is not terminated");
        }

        return Encoding.UTF8.GetString(rest[..end]);
    }

    /// <summary>The source package name from a source RPM file name: <c>openssl-3.0.7-24.el9.src.rpm</c> → <c>openssl</c>.</summary>
    public static string? SourceName(string? sourceRpm)
    {
        if (string.IsNullOrEmpty(sourceRpm))
        {
            return null;
        }

        var stem = sourceRpm.EndsWith(".src.rpm", StringComparison.Ordinal) ? sourceRpm[..^8]
            : sourceRpm.EndsWith(".nosrc.rpm", StringComparison.Ordinal) ? sourceRpm[..^10] : sourceRpm;
        var release = stem.LastIndexOf('-');
        var version = release > 0 ? stem.LastIndexOf('-', release - 1) : -1;
        return version > 0 ? stem[..version] : stem;
    }
}
