using System.Text.Json;
using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Tests;

/// <summary>
/// A local evaluation aid, off unless SHIPGATE_DOCKER_PROBE names a folder: scans every Dockerfile in it and writes
/// the equivalents each file fired (or its parse error) as JSON to SHIPGATE_DOCKER_PROBE_OUT. Reads nothing into the
/// project and keeps nothing.
/// </summary>
public sealed class CorpusProbe
{
    [Fact]
    public void Probe_folder_when_asked()
    {
        var folder = Environment.GetEnvironmentVariable("SHIPGATE_DOCKER_PROBE");
        var output = Environment.GetEnvironmentVariable("SHIPGATE_DOCKER_PROBE_OUT");
        if (folder is null || output is null)
        {
            return;
        }

        var scanner = new DockerfileScanner();
        var settings = new RuleSettings(includeExperimental: true);
        var results = new Dictionary<string, object>();
        foreach (var path in Directory.GetFiles(folder, "*.Dockerfile").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            try
            {
                var document = DockerfileParser.Parse(File.ReadAllText(path), name);
                var findings = scanner.Scan(document, new RuleContext(name, name, settings));
                results[name] = findings.Select(f => new { f.RuleId, f.Location.StartLine, f.Message, f.Equivalents }).ToList();
            }
            catch (InputFormatException ex)
            {
                results[name] = new { error = ex.Message, ex.Line };
            }
        }

        File.WriteAllText(output, JsonSerializer.Serialize(results));
    }
}
