using Shipgate.Core;
using Shipgate.Dependencies.Json;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>Shared first steps of the JSON formats: parse with positions and insist on an object at the top.</summary>
internal static class JsonLockfile
{
    public static JsonNode ParseObject(string content, string formatName, bool jsonc = false)
    {
        var root = PositionedJson.Parse(content, jsonc);
        return root.IsObject
            ? root
            : throw new InputFormatException($"Expected a JSON object at the top of the {formatName} file but found {root.Kind.ToString().ToLowerInvariant()}.", root.Line, 1);
    }

    /// <summary>Splits <c>name@version</c> at the last <c>@</c> that is not the first character (scoped npm names start with one).</summary>
    public static (string Name, string Version) SplitAtVersion(string spec)
    {
        var at = spec.LastIndexOf('@');
        return at <= 0 ? (spec, "") : (spec[..at], spec[(at + 1)..]);
    }
}
