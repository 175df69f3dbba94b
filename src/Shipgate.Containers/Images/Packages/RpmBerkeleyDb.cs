using System.Buffers.Binary;

namespace Shipgate.Containers.Images.Packages;

/// <summary>
/// Reads the header blobs of an rpm database in BerkeleyDB hash format (<c>/var/lib/rpm/Packages</c>, rpm before
/// 4.16: RHEL/CentOS 7 and 8, Amazon Linux 2). Walks every page: on hash pages (<c>P_HASH</c>,
/// <c>P_HASH_UNSORTED</c>) the items alternate key and data; a data item is stored in place (<c>H_KEYDATA</c>) or,
/// as rpm headers nearly always are, on a chain of overflow pages (<c>H_OFFPAGE</c>). The file's byte order is taken
/// from the meta page's magic. Every offset, page number and length is checked against the file; chains are bounded
/// and may not loop. Malformed input throws <see cref="InvalidDataException"/>. Stateless.
/// </summary>
internal static class RpmBerkeleyDb
{
    private const uint HashMagic = 0x061561;
    private const int PageHeaderSize = 26;
    private const byte PageHashUnsorted = 2;
    private const byte PageOverflow = 7;
    private const byte PageHash = 13;
    private const byte ItemKeyData = 1;
    private const byte ItemOffPage = 3;
    private const int MaxBlobBytes = 64 << 20;

    /// <summary>The data items of the database (the key-0 bookkeeping record included; callers skip what is not a header).</summary>
    public static IEnumerable<byte[]> ReadValues(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length < 512)
        {
            throw new InvalidDataException("BerkeleyDB file shorter than one page");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(12));
        var swapped = magic != HashMagic;
        if (swapped && BinaryPrimitives.ReverseEndianness(magic) != HashMagic)
        {
            throw new InvalidDataException("not a BerkeleyDB hash database (bad magic)");
        }

        var reader = new PageReader(file, swapped);
        var pageSize = reader.UInt32(0, 20);
        if (pageSize is < 512 or > 65536 || (pageSize & (pageSize - 1)) != 0)
        {
            throw new InvalidDataException($"BerkeleyDB page size {pageSize} is not a power of two between 512 and 65536");
        }

        if (file[24] != 0)
        {
            throw new InvalidDataException("the BerkeleyDB database is encrypted");
        }

        reader.PageSize = (int)pageSize;
        var pages = file.Length / (int)pageSize;
        for (var page = 1; page < pages; page++)
        {
            var start = page * (int)pageSize;
            var type = file[start + 25];
            if (type is not (PageHash or PageHashUnsorted))
            {
                continue;
            }

            var entries = reader.UInt16(start, 20);
            if (PageHeaderSize + (2 * entries) > pageSize)
            {
                throw new InvalidDataException($"BerkeleyDB page {page} declares {entries} items, more than fit");
            }

            for (var index = 1; index < entries; index += 2)
            {
                if (reader.Item(page, index) is { } value)
                {
                    yield return value;
                }
            }
        }
    }

    private sealed class PageReader(byte[] file, bool swapped)
    {
        public int PageSize { get; set; }

        public uint UInt32(int page, int offset)
        {
            var span = file.AsSpan(page + offset, 4);
            return swapped ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
        }

        public ushort UInt16(int page, int offset)
        {
            var span = file.AsSpan(page + offset, 2);
            return swapped ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);
        }

        /// <summary>Item <paramref name="index"/> of hash page <paramref name="page"/>: in place, or gathered from its overflow chain.</summary>
        public byte[]? Item(int page, int index)
        {
            var start = page * PageSize;
            var offset = UInt16(start, PageHeaderSize + (2 * index));
            var end = index == 0 ? PageSize : UInt16(start, PageHeaderSize + (2 * (index - 1)));
            if (offset < PageHeaderSize || offset >= PageSize || end > PageSize || end <= offset)
            {
                throw new InvalidDataException($"BerkeleyDB page {page} item {index} lies outside the page");
            }

            switch (file[start + offset])
            {
                case ItemKeyData:
                    return file.AsSpan(start + offset + 1, end - offset - 1).ToArray();
                case ItemOffPage when end - offset >= 12:
                    return Overflow(UInt32(start, offset + 4), UInt32(start, offset + 8));
                default:
                    return null;
            }
        }

        private byte[] Overflow(uint first, uint totalLength)
        {
            var pages = file.Length / PageSize;
            if (totalLength > MaxBlobBytes || totalLength > (long)pages * PageSize)
            {
                throw new InvalidDataException($"BerkeleyDB overflow item of {totalLength} bytes is larger than the file allows");
            }

            var value = new byte[totalLength];
            var written = 0;
            var visited = new HashSet<uint>();
            for (var page = first; page != 0; page = UInt32(checked((int)page * PageSize), 16))
            {
                if (page >= pages || !visited.Add(page))
                {
                    throw new InvalidDataException($"BerkeleyDB overflow chain points at page {page}, outside the file or already read");
                }

                var start = (int)page * PageSize;
                var length = UInt16(start, 22);
                if (file[start + 25] != PageOverflow || length > PageSize - PageHeaderSize || written + length > totalLength)
                {
                    throw new InvalidDataException($"BerkeleyDB overflow page {page} is malformed");
                }

                file.AsSpan(start + PageHeaderSize, length).CopyTo(value.AsSpan(written));
                written += length;
            }

            return written == totalLength
                ? value
                : throw new InvalidDataException($"BerkeleyDB overflow chain holds {written} of {totalLength} bytes");
        }
    }
}
