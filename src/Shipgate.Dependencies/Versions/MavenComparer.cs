using System.Globalization;
using System.Numerics;

namespace Shipgate.Dependencies.Versions;

/// <summary>
/// Maven ordering, as <c>org.apache.maven.artifact.versioning.ComparableVersion</c> defines it: the version is split at
/// <c>.</c>, <c>-</c> and digit/letter transitions into a tree of numbers, qualifiers and sub-lists (a new list after each
/// <c>-</c> and transition); trailing "null" items (0, <c>""</c>, <c>final</c>, <c>ga</c>, <c>release</c>) are dropped;
/// known qualifiers order <c>alpha &lt; beta &lt; milestone &lt; rc = cr &lt; snapshot &lt; "" &lt; sp</c> and any
/// other qualifier sorts after them alphabetically; <c>a1</c>/<c>b1</c>/<c>m1</c> abbreviate alpha/beta/milestone.
/// Case-insensitive. Numbers of any size.
/// </summary>
public sealed class MavenComparer : IVersionComparer
{
    private const int MaxLength = 512;

    private static readonly string[] Qualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];

    private static readonly string ReleaseIndex = Array.IndexOf(Qualifiers, "").ToString(CultureInfo.InvariantCulture);

    public Ecosystem Ecosystem => Ecosystem.Maven;

    public int Compare(string? x, string? y) => Math.Sign(Parse(x ?? "").CompareTo(Parse(y ?? "")));

    private abstract class Item
    {
        public abstract bool IsNull { get; }

        public abstract int CompareTo(Item? other);
    }

    private sealed class NumberItem(BigInteger value) : Item
    {
        public BigInteger Value { get; } = value;

        public override bool IsNull => Value.IsZero;

        public override int CompareTo(Item? other) => other switch
        {
            null => Value.IsZero ? 0 : 1,
            NumberItem n => Value.CompareTo(n.Value),
            _ => 1,
        };
    }

    private sealed class QualifierItem : Item
    {
        public QualifierItem(string value, bool followedByDigit)
        {
            if (followedByDigit && value.Length == 1)
            {
                value = value switch { "a" => "alpha", "b" => "beta", "m" => "milestone", _ => value };
            }

            Value = value switch { "ga" or "final" or "release" => "", "cr" => "rc", _ => value };
        }

        public string Value { get; }

        public override bool IsNull => string.Equals(Comparable(Value), ReleaseIndex, StringComparison.Ordinal);

        public override int CompareTo(Item? other) => other switch
        {
            null => Math.Sign(string.CompareOrdinal(Comparable(Value), ReleaseIndex)),
            NumberItem => -1,
            QualifierItem q => Math.Sign(string.CompareOrdinal(Comparable(Value), Comparable(q.Value))),
            _ => -1,
        };

        /// <summary>A known qualifier becomes its index; an unknown one sorts after all of them, alphabetically.</summary>
        private static string Comparable(string qualifier)
        {
            var index = Array.IndexOf(Qualifiers, qualifier);
            return index >= 0 ? index.ToString(CultureInfo.InvariantCulture) : Qualifiers.Length.ToString(CultureInfo.InvariantCulture) + "-" + qualifier;
        }
    }

    private sealed class ListItem : Item
    {
        public List<Item> Items { get; } = [];

        public bool IsRoot { get; init; }

        public override bool IsNull => Items.Count == 0;

        public void Normalize()
        {
            for (var i = Items.Count - 1; i >= 0; i--)
            {
                if (Items[i].IsNull)
                {
                    Items.RemoveAt(i);
                }
                else if (Items[i] is not ListItem)
                {
                    break;
                }
            }

            // A sub-list left alone after its leading nulls were trimmed stands for its content, as the
            // specification's "trim at each hyphen" reads: 1-ga-1 is 1-1. (At the top the hyphen itself still counts:
            // 0-2021 is -2021, which sorts below .20.)
            if (!IsRoot && Items is [ListItem only])
            {
                Items.Clear();
                Items.AddRange(only.Items);
            }
        }

        public override int CompareTo(Item? other)
        {
            switch (other)
            {
                case null:
                    foreach (var item in Items)
                    {
                        var result = item.CompareTo(null);
                        if (result != 0)
                        {
                            return result;
                        }
                    }

                    return 0;
                case NumberItem:
                    return -1;
                case QualifierItem:
                    return 1;
                case ListItem list:
                    for (var i = 0; i < Math.Max(Items.Count, list.Items.Count); i++)
                    {
                        var left = i < Items.Count ? Items[i] : null;
                        var right = i < list.Items.Count ? list.Items[i] : null;
                        var result = left is null ? (right is null ? 0 : -right.CompareTo(null)) : left.CompareTo(right);
                        if (result != 0)
                        {
                            return result;
                        }
                    }

                    return 0;
                default:
                    return 0;
            }
        }
    }

    private static ListItem Parse(string text)
    {
        var version = text.Trim().ToLowerInvariant();
        if (version.Length > MaxLength)
        {
            version = version[..MaxLength];
        }

        var root = new ListItem { IsRoot = true };
        var list = root;
        var stack = new Stack<ListItem>();
        stack.Push(list);
        var isDigit = false;
        var start = 0;
        for (var i = 0; i < version.Length; i++)
        {
            var c = version[i];
            if (c is '.' or '-')
            {
                list.Items.Add(i == start ? new NumberItem(BigInteger.Zero) : ParseItem(isDigit, version[start..i]));
                start = i + 1;
                if (c == '-')
                {
                    var next = new ListItem();
                    list.Items.Add(next);
                    list = next;
                    stack.Push(list);
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                if (!isDigit && i > start)
                {
                    list.Items.Add(new QualifierItem(version[start..i], followedByDigit: true));
                    start = i;
                    var next = new ListItem();
                    list.Items.Add(next);
                    list = next;
                    stack.Push(list);
                }

                isDigit = true;
            }
            else
            {
                if (isDigit && i > start)
                {
                    list.Items.Add(ParseItem(true, version[start..i]));
                    start = i;
                    var next = new ListItem();
                    list.Items.Add(next);
                    list = next;
                    stack.Push(list);
                }

                isDigit = false;
            }
        }

        if (version.Length > start)
        {
            list.Items.Add(ParseItem(isDigit, version[start..]));
        }

        while (stack.Count > 0)
        {
            stack.Pop().Normalize();
        }

        return root;
    }

    private static Item ParseItem(bool isDigit, string text) =>
        isDigit ? new NumberItem(BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)) : new QualifierItem(text, followedByDigit: false);
}
