using System.Text.Json;
using System.Text.RegularExpressions;

namespace Shipgate.Reporting.Tests;

/// <summary>
/// A deliberately small JSON Schema (2020-12) checker for our own report schema: <c>type</c>, <c>const</c>,
/// <c>enum</c>, <c>required</c>, <c>properties</c>, <c>additionalProperties</c>, <c>propertyNames</c>,
/// <c>items</c>, <c>minimum</c>, <c>pattern</c> and local <c>$ref</c>s. Any other keyword fails loudly, so
/// the schema cannot silently use something this checker ignores.
/// </summary>
internal static class JsonSchemaCheck
{
    private static readonly HashSet<string> Understood =
    [
        "$schema", "$id", "$defs", "$ref", "title", "description", "format",
        "type", "const", "enum", "required", "properties", "additionalProperties", "propertyNames", "items", "minimum", "pattern",
    ];

    public static IReadOnlyList<string> Validate(JsonElement schema, JsonElement instance)
    {
        var errors = new List<string>();
        Check(schema, schema, instance, "$", errors);
        return errors;
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Understood.Contains(keyword.Name))
            {
                errors.Add($"{path}: schema keyword '{keyword.Name}' is not supported by this checker");
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(root, Resolve(root, reference.GetString()!), value, path, errors);
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            errors.Add($"{path}: expected type {type.GetRawText()}, got {value.ValueKind}");
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{path}: expected {constant.GetRawText()}, got {value.GetRawText()}");
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of {allowed.GetRawText()}");
        }

        if (schema.TryGetProperty("minimum", out var minimum) && value.ValueKind == JsonValueKind.Number && value.GetDouble() < minimum.GetDouble())
        {
            errors.Add($"{path}: {value.GetRawText()} is below the minimum {minimum.GetRawText()}");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && value.ValueKind == JsonValueKind.String
            && !Regex.IsMatch(value.GetString()!, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: '{value.GetString()}' does not match {pattern.GetString()}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(root, schema, value, path, errors);
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(root, items, item, $"{path}[{index++}]", errors);
            }
        }
    }

    private static void CheckObject(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: required property '{name}' is missing");
                }
            }
        }

        var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
        foreach (var property in value.EnumerateObject())
        {
            var childPath = $"{path}.{property.Name}";
            if (schema.TryGetProperty("propertyNames", out var names))
            {
                Check(root, names, JsonSerializer.SerializeToElement(property.Name), childPath + " (name)", errors);
            }

            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(root, propertySchema, property.Value, childPath, errors);
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional))
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{childPath}: property is not in the schema");
                }
                else if (additional.ValueKind == JsonValueKind.Object)
                {
                    Check(root, additional, property.Value, childPath, errors);
                }
            }
        }
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => TypeMatches(t.GetString()!, value))
            : TypeMatches(type.GetString()!, value);

    private static bool TypeMatches(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new InvalidOperationException($"Unknown schema type '{type}'."),
    };

    private static JsonElement Resolve(JsonElement root, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Only local references are supported: '{reference}'.");
        }

        var node = root;
        foreach (var segment in reference[2..].Split('/'))
        {
            node = node.GetProperty(segment);
        }

        return node;
    }
}
