using System.Globalization;
using System.Text;

namespace Shipgate.Gate.Audit;

/// <summary>
/// The canonical JSON form hashed into the audit log: objects with keys sorted by UTF-16 code unit (as RFC 8785
/// sorts them), no insignificant whitespace, strings escaped minimally (<c>\"</c>, <c>\\</c>, <c>\b \f \n \r \t</c>,
/// other control characters as <c>\u00xx</c>, everything else literal), integers in plain decimal, UTF-8 without
/// a BOM. Lone surrogates become U+FFFD first, so every string has exactly one encoding. Only the value kinds the
/// audit log uses exist here: strings, 64-bit integers and nested objects.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Serialises an object whose values are <see cref="string"/>, <see cref="long"/>, <see cref="int"/> or nested dictionaries of those; null values are omitted.</summary>
    public static string Serialize(IReadOnlyDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(256);
        WriteObject(builder, value, depth: 0);
        return builder.ToString();
    }

    /// <summary>The canonical UTF-8 bytes of <paramref name="value"/>.</summary>
    public static byte[] SerializeToUtf8(IReadOnlyDictionary<string, object?> value) => Encoding.UTF8.GetBytes(Serialize(value));

    private static void WriteObject(StringBuilder builder, IReadOnlyDictionary<string, object?> value, int depth)
    {
        if (depth > 8)
        {
            throw new ArgumentException("canonical JSON nesting is limited to 8 levels");
        }

        builder.Append('{');
        var first = true;
        string? previous = null;
        foreach (var (key, item) in value.Select(p => (Key: Sanitize(p.Key), p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key == previous)
            {
                throw new ArgumentException($"canonical JSON keys must be unique ('{key}')");
            }

            previous = key;
            if (item is null)
            {
                continue;
            }

            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            WriteString(builder, key);
            builder.Append(':');
            switch (item)
            {
                case string s:
                    WriteString(builder, s);
                    break;
                case long l:
                    builder.Append(l.ToString(CultureInfo.InvariantCulture));
                    break;
                case int i:
                    builder.Append(i.ToString(CultureInfo.InvariantCulture));
                    break;
                case IReadOnlyDictionary<string, object?> nested:
                    WriteObject(builder, nested, depth + 1);
                    break;
                case IReadOnlyDictionary<string, string> strings:
                    WriteObject(builder, strings.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal), depth + 1);
                    break;
                default:
                    throw new ArgumentException($"canonical JSON cannot hold a {item.GetType().Name} (key '{key}')");
            }
        }

        builder.Append('}');
    }

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in Sanitize(value))
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>Replaces lone surrogates with U+FFFD so the string round-trips through UTF-8 unchanged.</summary>
    public static string Sanitize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogate(value[i]))
            {
                return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));
            }
        }

        return value;
    }
}
