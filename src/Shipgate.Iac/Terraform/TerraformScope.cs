using Shipgate.Core;
using Shipgate.Iac.Iam;
using Shipgate.Iac.Terraform.Hcl;

namespace Shipgate.Iac.Terraform;

/// <summary>
/// The values <c>var.NAME</c> and <c>local.NAME</c> have in one Terraform module (a directory): <c>locals</c> blocks
/// and <c>variable</c> defaults from every <c>.tf</c> file of the directory, overridden by the files Terraform loads on
/// its own (<c>terraform.tfvars</c>, then <c>*.auto.tfvars</c> in name order). Other <c>*.tfvars</c> files are only
/// used with <c>-var-file</c>, so they are not applied. Locals are evaluated on demand, with cycles and depth bounded;
/// what cannot be resolved stays unknown. One per scanned file; not thread-safe (a file's rules run in turn).
/// </summary>
internal sealed class TerraformScope
{
    private const int MaxDepth = 16;
    private const int MaxSiblingFiles = 200;
    private const long MaxSiblingBytes = 1024 * 1024;

    private readonly Dictionary<string, (HclExpression Expression, string Source)> variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (HclExpression Expression, string Source)> locals = new(StringComparer.Ordinal);
    private readonly HashSet<string> resolving = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ValueNode> inputs = new(StringComparer.Ordinal);

    /// <summary>An empty scope: nothing resolves.</summary>
    public static TerraformScope Empty { get; } = new();

    /// <summary>
    /// The scope of <paramref name="body"/> (already parsed from <paramref name="source"/>), with the other files of
    /// its directory when <paramref name="fullPath"/> names a file on disk. Unreadable or unparsable siblings are
    /// skipped: they are reported when they are scanned themselves.
    /// </summary>
    /// <remarks>
    /// <paramref name="inputs"/> are the arguments a calling <c>module</c> block passes (already evaluated in the
    /// caller); they take the place of tfvars, which apply to the root module only.
    /// </remarks>
    public static TerraformScope For(HclBody body, string source, string? fullPath, IReadOnlyDictionary<string, ValueNode>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!source.Contains("var.", StringComparison.Ordinal) && !source.Contains("local.", StringComparison.Ordinal))
        {
            return Empty;
        }

        var scope = new TerraformScope();
        foreach (var (name, value) in inputs ?? new Dictionary<string, ValueNode>())
        {
            scope.inputs[name] = value;
        }

        var directory = fullPath is null ? null : Path.GetDirectoryName(fullPath);
        var siblings = directory is null ? [] : Siblings(directory, "*.tf").Where(p => !string.Equals(Path.GetFullPath(p), Path.GetFullPath(fullPath!), StringComparison.Ordinal)).ToList();
        if (siblings.Count > MaxSiblingFiles)
        {
            siblings.Clear();
        }

        scope.AddDefinitions(body, source);
        foreach (var sibling in siblings)
        {
            if (Parse(sibling) is { } parsed)
            {
                scope.AddDefinitions(parsed.Body, parsed.Source);
            }
        }

        if (directory is not null && inputs is null)
        {
            var valueFiles = Siblings(directory, "terraform.tfvars").Concat(Siblings(directory, "*.auto.tfvars").Order(StringComparer.Ordinal));
            foreach (var file in valueFiles.Take(MaxSiblingFiles))
            {
                if (Parse(file) is { } parsed)
                {
                    foreach (var attribute in parsed.Body.Attributes)
                    {
                        scope.variables[attribute.Name] = (attribute.Value, parsed.Source);
                    }
                }
            }
        }

        return scope;
    }

    /// <summary>The static value of <c>var.NAME</c> or <c>local.NAME</c>, or null when unknown.</summary>
    public ValueNode? Resolve(string kind, string name)
    {
        if (kind == "var" && inputs.TryGetValue(name, out var input))
        {
            return input;
        }

        var table = kind == "var" ? variables : locals;
        var key = kind + "." + name;
        if (!table.TryGetValue(name, out var definition) || resolving.Count >= MaxDepth || !resolving.Add(key))
        {
            return null;
        }

        try
        {
            var value = HclValues.Evaluate(definition.Expression, definition.Source, this);
            return value is UnknownNode ? null : value;
        }
        finally
        {
            resolving.Remove(key);
        }
    }

    /// <summary>A resolved value moved to the reference's position, so findings point where the value is used.</summary>
    public static ValueNode Relocate(ValueNode value, int line, int column) => value switch
    {
        ScalarNode scalar => scalar with { Line = line, Column = column },
        ListNode list => new ListNode([.. list.Items.Select(i => Relocate(i, line, column))], line, column),
        MapNode map => new MapNode([.. map.Entries.Select(e => new MapEntry(e.Key, line, column, Relocate(e.Value, line, column)))], line, column),
        _ => value with { Line = line, Column = column },
    };

    private void AddDefinitions(HclBody body, string source)
    {
        foreach (var block in body.Blocks)
        {
            if (block.Type == "variable" && block.Labels.Count == 1 && block.Body.Attribute("default") is { } value && !variables.ContainsKey(block.Labels[0]))
            {
                variables[block.Labels[0]] = (value.Value, source);
            }
            else if (block.Type == "locals")
            {
                foreach (var attribute in block.Body.Attributes)
                {
                    locals.TryAdd(attribute.Name, (attribute.Value, source));
                }
            }
        }
    }

    private static List<string> Siblings(string directory, string pattern)
    {
        try
        {
            return Directory.EnumerateFiles(directory, pattern, SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static (HclBody Body, string Source)? Parse(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxSiblingBytes || info.LinkTarget is not null)
            {
                return null;
            }

            var text = File.ReadAllText(path);
            return (HclParser.Parse(text), text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InputFormatException)
        {
            return null;
        }
    }
}
