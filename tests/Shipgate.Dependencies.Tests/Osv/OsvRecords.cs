using System.Text;
using System.Text.Json;
using Shipgate.Dependencies.Osv;

namespace Shipgate.Dependencies.Tests.Osv;

/// <summary>Hand-written OSV records for tests: a compact builder over real OSV JSON, parsed by the real parser.</summary>
internal static class OsvRecords
{
    /// <summary>A record with one affected package whose ranges are given as (type, events) and an optional version list.</summary>
    public static string RecordJson(
        string id,
        string ecosystem,
        string name,
        IEnumerable<(string Type, (string Kind, string Version)[] Events)>? ranges = null,
        IEnumerable<string>? versions = null,
        IEnumerable<string>? aliases = null,
        string modified = "2024-01-01T00:00:00Z",
        string? withdrawn = null,
        IEnumerable<(string Type, string Score)>? severity = null,
        string? databaseSeverity = null,
        string? summary = null)
    {
        var record = new Dictionary<string, object?>
        {
            ["schema_version"] = "1.6.0",
            ["id"] = id,
            ["modified"] = modified,
            ["published"] = "2023-06-01T00:00:00Z",
            ["aliases"] = (aliases ?? []).ToArray(),
            ["summary"] = summary ?? $"Test advisory {id}",
            ["details"] = "Long details that the store keeps apart.",
            ["references"] = new[] { new { type = "WEB", url = "https://example.invalid/" + id } },
            ["severity"] = (severity ?? []).Select(s => new Dictionary<string, string> { ["type"] = s.Type, ["score"] = s.Score }).ToArray(),
            ["affected"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["package"] = new Dictionary<string, string> { ["ecosystem"] = ecosystem, ["name"] = name },
                    ["ranges"] = (ranges ?? []).Select(r => new Dictionary<string, object?>
                    {
                        ["type"] = r.Type,
                        ["repo"] = r.Type == "GIT" ? "https://example.invalid/repo.git" : null,
                        ["events"] = r.Events.Select(e => new Dictionary<string, string> { [e.Kind] = e.Version }).ToArray(),
                    }).ToArray(),
                    ["versions"] = (versions ?? []).ToArray(),
                },
            },
        };
        if (withdrawn is not null)
        {
            record["withdrawn"] = withdrawn;
        }

        if (databaseSeverity is not null)
        {
            record["database_specific"] = new Dictionary<string, string> { ["severity"] = databaseSeverity, ["cwe_ids"] = "CWE-79" };
        }

        return JsonSerializer.Serialize(record);
    }

    public static OsvRecord Parse(string json) => OsvJson.Parse(Encoding.UTF8.GetBytes(json));

    public static OsvRecord Ecosystem(string id, string ecosystem, string name, params (string Kind, string Version)[] events) =>
        Parse(RecordJson(id, ecosystem, name, [("ECOSYSTEM", events)]));

    public static Package Npm(string name, string version) => new(name, version, Dependencies.Ecosystem.Npm, "package-lock.json", 1);

    public static Package PyPI(string name, string version) => new(name, version, Dependencies.Ecosystem.PyPI, "requirements.txt", 1);
}
