using System.Text.Json;

namespace Shipgate.Containers.Images;

/// <summary>
/// The parts of an image configuration (OCI <c>config</c> / Docker container config) the rules and the reader use.
/// <see cref="Healthcheck"/> is null when the image defines none, and <c>["NONE"]</c> when it disables an inherited
/// one. Immutable.
/// </summary>
public sealed record ImageConfig
{
    private const string HealthcheckKey = "Healthcheck";
    private const string ExposedPortsKey = "ExposedPorts";
    private const string LabelsKey = "Labels";

    public string? User { get; init; }

    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>Ports as written in the config (<c>22/tcp</c>).</summary>
    public IReadOnlyList<string> ExposedPorts { get; init; } = [];

    public IReadOnlyList<string>? Healthcheck { get; init; }

    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    public IReadOnlyList<string> Cmd { get; init; } = [];

    public string? WorkingDir { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public string? Architecture { get; init; }

    public string? Os { get; init; }

    /// <summary>Digests of the uncompressed layer tars, bottom-up.</summary>
    public IReadOnlyList<string> DiffIds { get; init; } = [];

    /// <summary>The <c>created_by</c> command of each history step (build instructions; may include ARG values).</summary>
    public IReadOnlyList<string> History { get; init; } = [];

    public static ImageConfig Parse(JsonElement root)
    {
        var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c
            : root.TryGetProperty("container_config", out var cc) && cc.ValueKind == JsonValueKind.Object ? cc
            : default;
        IReadOnlyList<string>? healthcheck = null;
        if (config.ValueKind == JsonValueKind.Object && config.TryGetProperty(HealthcheckKey, out var h) && h.ValueKind == JsonValueKind.Object)
        {
            healthcheck = Strings(h, "Test");
        }

        return new ImageConfig
        {
            User = String(config, "User"),
            Env = Strings(config, "Env"),
            ExposedPorts = config.ValueKind == JsonValueKind.Object && config.TryGetProperty(ExposedPortsKey, out var ports) && ports.ValueKind == JsonValueKind.Object
                ? [.. ports.EnumerateObject().Select(p => p.Name)]
                : [],
            Healthcheck = healthcheck,
            Entrypoint = Strings(config, "Entrypoint"),
            Cmd = Strings(config, "Cmd"),
            WorkingDir = String(config, "WorkingDir"),
            Labels = config.ValueKind == JsonValueKind.Object && config.TryGetProperty(LabelsKey, out var labels) && labels.ValueKind == JsonValueKind.Object
                ? labels.EnumerateObject().Where(l => l.Value.ValueKind == JsonValueKind.String).ToDictionary(l => l.Name, l => l.Value.GetString()!, StringComparer.Ordinal)
                : new Dictionary<string, string>(),
            Architecture = String(root, "architecture"),
            Os = String(root, "os"),
            DiffIds = root.TryGetProperty("rootfs", out var rootfs) ? Strings(rootfs, "diff_ids") : [],
            History = root.TryGetProperty("history", out var history) && history.ValueKind == JsonValueKind.Array
                ? [.. history.EnumerateArray().Select(step => String(step, "created_by") ?? "")]
                : [],
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
}
