using System.Globalization;

namespace Shipgate.Dependencies.Toml;

/// <summary>A TOML value with the 1-based line and column where it starts. Immutable once parsing finishes.</summary>
public abstract class TomlValue(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>The TOML type name, used in error messages (<c>string</c>, <c>table</c>, …).</summary>
    public abstract string TypeName { get; }
}

public sealed class TomlString(string value, int line, int column) : TomlValue(line, column)
{
    public string Value { get; } = value;

    public override string TypeName => "string";

    public override string ToString() => Value;
}

public sealed class TomlInteger(long value, int line, int column) : TomlValue(line, column)
{
    public long Value { get; } = value;

    public override string TypeName => "integer";

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public sealed class TomlFloat(double value, int line, int column) : TomlValue(line, column)
{
    public double Value { get; } = value;

    public override string TypeName => "float";

    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

public sealed class TomlBoolean(bool value, int line, int column) : TomlValue(line, column)
{
    public bool Value { get; } = value;

    public override string TypeName => "boolean";

    public override string ToString() => Value ? "true" : "false";
}

public enum TomlDateTimeKind
{
    OffsetDateTime,
    LocalDateTime,
    LocalDate,
    LocalTime,
}

/// <summary>A validated date, time or date-time, kept as its source text (normalised only in that <c>t</c>/space stay as written).</summary>
public sealed class TomlDateTime(string text, TomlDateTimeKind kind, int line, int column) : TomlValue(line, column)
{
    public string Text { get; } = text;

    public TomlDateTimeKind Kind { get; } = kind;

    public override string TypeName => Kind switch
    {
        TomlDateTimeKind.OffsetDateTime => "offset date-time",
        TomlDateTimeKind.LocalDateTime => "local date-time",
        TomlDateTimeKind.LocalDate => "local date",
        _ => "local time",
    };

    public override string ToString() => Text;
}

public sealed class TomlArray(int line, int column, bool isArrayOfTables) : TomlValue(line, column)
{
    private readonly List<TomlValue> items = [];

    public IReadOnlyList<TomlValue> Items => items;

    /// <summary>True for an array built from <c>[[header]]</c> sections; only those can be appended to later.</summary>
    public bool IsArrayOfTables { get; } = isArrayOfTables;

    public override string TypeName => "array";

    internal void Add(TomlValue value) => items.Add(value);
}

/// <summary>How a table came to exist, which decides what may still be added to it (TOML 1.0 §Table).</summary>
internal enum TomlTableOrigin
{
    /// <summary>Created as the parent of a header such as <c>[a.b]</c>; may still get its own <c>[a]</c> header once.</summary>
    Implicit,

    /// <summary>Defined by its own <c>[header]</c> or <c>[[header]]</c>.</summary>
    Header,

    /// <summary>Created by a dotted key (<c>a.b = 1</c>); may gain more dotted keys, never a header.</summary>
    Dotted,

    /// <summary>An inline table: complete as written.</summary>
    Inline,
}

public sealed class TomlTable : TomlValue
{
    private readonly Dictionary<string, TomlValue> values = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    internal TomlTable(int line, int column, TomlTableOrigin origin)
        : base(line, column)
    {
        Origin = origin;
    }

    internal TomlTableOrigin Origin { get; set; }

    public override string TypeName => "table";

    public int Count => order.Count;

    /// <summary>Keys in the order they were first defined.</summary>
    public IEnumerable<string> Keys => order;

    public IEnumerable<KeyValuePair<string, TomlValue>> Entries => order.Select(k => new KeyValuePair<string, TomlValue>(k, values[k]));

    public TomlValue? this[string key] => values.GetValueOrDefault(key);

    public bool TryGetValue(string key, out TomlValue value) => values.TryGetValue(key, out value!);

    /// <summary>The string at <paramref name="key"/>, or null when missing or of another type.</summary>
    public string? GetString(string key) => values.GetValueOrDefault(key) is TomlString s ? s.Value : null;

    public TomlTable? GetTable(string key) => values.GetValueOrDefault(key) as TomlTable;

    public TomlArray? GetArray(string key) => values.GetValueOrDefault(key) as TomlArray;

    /// <summary>The tables of an array at <paramref name="key"/> (an array of tables or an array of inline tables).</summary>
    public IEnumerable<TomlTable> GetTables(string key) =>
        values.GetValueOrDefault(key) is TomlArray array ? array.Items.OfType<TomlTable>() : [];

    internal void Add(string key, TomlValue value)
    {
        values.Add(key, value);
        order.Add(key);
    }
}
