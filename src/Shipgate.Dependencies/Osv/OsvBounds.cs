using System.Text;

namespace Shipgate.Dependencies.Osv;

/// <summary>
/// The part of a record that decides whether it can affect a version of one package: that package's affected entries
/// with only their explicit <c>versions</c> and their ranges (type and events), in a compact binary form the store
/// keeps beside its index (<c>affected.bounds</c>). A scan evaluates these with the matcher's own code
/// (<see cref="OsvMatcher.MayAffect"/>) and decodes only the records that can affect the version, so the pre-filter
/// never drops a true match. Entries too large to be worth it are stored as null, and null, damaged or future-format
/// bounds mean "decode the record and let the matcher decide". Stateless; thread-safe.
/// </summary>
internal static class OsvBounds
{
    /// <summary>Bounds above this size are not kept (null): decoding the record costs about the same.</summary>
    public const int MaxBytes = 16 * 1024;

    private const byte Format = 1;

    /// <summary>The bounds of the given affected entries (all of one package), or null when they are too large to keep.</summary>
    public static byte[]? Encode(IEnumerable<OsvAffected> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write7BitEncodedInt(list.Count);
            foreach (var entry in list)
            {
                writer.Write7BitEncodedInt(entry.Versions.Count);
                foreach (var version in entry.Versions)
                {
                    writer.Write(version);
                }

                writer.Write7BitEncodedInt(entry.Ranges.Count);
                foreach (var range in entry.Ranges)
                {
                    writer.Write(range.Type);
                    writer.Write7BitEncodedInt(range.Events.Count);
                    foreach (var e in range.Events)
                    {
                        // Each of the four fields separately: a malformed event with two of them set must evaluate as the record would.
                        writer.Write((byte)((e.Introduced is null ? 0 : 1) | (e.Fixed is null ? 0 : 2) | (e.LastAffected is null ? 0 : 4) | (e.Limit is null ? 0 : 8)));
                        foreach (var value in new[] { e.Introduced, e.Fixed, e.LastAffected, e.Limit })
                        {
                            if (value is not null)
                            {
                                writer.Write(value);
                            }
                        }
                    }
                }

                if (stream.Length > MaxBytes)
                {
                    return null;
                }
            }
        }

        return stream.Length > MaxBytes ? null : stream.ToArray();
    }

    /// <summary>The affected entries (without package, severity or specifics) the bounds hold; null when they are not readable.</summary>
    public static IReadOnlyList<OsvAffected>? Decode(byte[] bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        if (bounds.Length == 0 || bounds[0] != Format || bounds.Length > MaxBytes)
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bounds, 1, bounds.Length - 1, writable: false), Encoding.UTF8);
            var entries = new OsvAffected[Count(reader)];
            for (var i = 0; i < entries.Length; i++)
            {
                var versions = new string[Count(reader)];
                for (var v = 0; v < versions.Length; v++)
                {
                    versions[v] = reader.ReadString();
                }

                var ranges = new OsvRange[Count(reader)];
                for (var r = 0; r < ranges.Length; r++)
                {
                    var type = reader.ReadString();
                    var events = new OsvEvent[Count(reader)];
                    for (var e = 0; e < events.Length; e++)
                    {
                        var present = reader.ReadByte();
                        events[e] = new OsvEvent
                        {
                            Introduced = (present & 1) != 0 ? reader.ReadString() : null,
                            Fixed = (present & 2) != 0 ? reader.ReadString() : null,
                            LastAffected = (present & 4) != 0 ? reader.ReadString() : null,
                            Limit = (present & 8) != 0 ? reader.ReadString() : null,
                        };
                    }

                    ranges[r] = new OsvRange { Type = type, Events = events };
                }

                entries[i] = new OsvAffected { Versions = versions, Ranges = ranges };
            }

            return reader.BaseStream.Position == reader.BaseStream.Length ? entries : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>A list length; never more than the bytes left, so damaged bounds cannot ask for a huge array.</summary>
    private static int Count(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position
            ? count
            : throw new InvalidDataException("list length out of range");
    }
}
