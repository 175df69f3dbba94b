using System.Text.Json;
using Shipgate.Core;

namespace Shipgate.Workflows.PullRequests;

/// <summary>
/// The parts of a GitHub <c>pull_request</c> / <c>pull_request_target</c> event payload (<c>GITHUB_EVENT_PATH</c>)
/// that <c>pr-guard</c> needs. <see cref="HeadRepository"/> is null when the fork has been deleted. Immutable.
/// </summary>
public sealed record PullRequestEvent(
    int? Number,
    string BaseRepository,
    string? HeadRepository,
    bool HeadIsFork,
    string BaseSha,
    string HeadSha,
    string? Author,
    IReadOnlyList<string> Labels)
{
    /// <summary>Event payloads are small; anything larger is not one.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    /// <summary>
    /// True when the head branch lives in another repository than the base (a fork), or its repository is gone.
    /// <c>head.repo.fork</c> alone is not enough: it is also true for branches of a repository that is itself a fork.
    /// </summary>
    public bool IsFromFork => HeadRepository is null || !string.Equals(HeadRepository, BaseRepository, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses an event payload; malformed JSON or a payload without a pull request is an <see cref="InputFormatException"/>.</summary>
    public static PullRequestEvent Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new InputFormatException($"not valid JSON: {FirstSentence(ex.Message)}", (int?)(ex.LineNumber + 1), (int?)(ex.BytePositionInLine + 1));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("pull_request", out var pr) || pr.ValueKind != JsonValueKind.Object)
            {
                throw new InputFormatException("not a pull_request or pull_request_target event (no 'pull_request' object); run pr-guard only on those events", 1, 1);
            }

            var baseRepo = Text(pr, "base", "repo", "full_name") ?? throw Missing("pull_request.base.repo.full_name");
            var baseSha = Text(pr, "base", "sha") ?? throw Missing("pull_request.base.sha");
            var headSha = Text(pr, "head", "sha") ?? throw Missing("pull_request.head.sha");
            if (!IsSha(baseSha) || !IsSha(headSha))
            {
                throw new InputFormatException("pull_request.base.sha and pull_request.head.sha must be commit SHAs", 1, 1);
            }

            var labels = new List<string>();
            if (pr.TryGetProperty("labels", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var label in list.EnumerateArray())
                {
                    if (label.ValueKind == JsonValueKind.Object && label.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                    {
                        labels.Add(name.GetString()!);
                    }
                }
            }

            var number = pr.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var value) ? value : (int?)null;
            var fork = Element(pr, "head", "repo", "fork") is { ValueKind: JsonValueKind.True };
            return new PullRequestEvent(number, baseRepo, Text(pr, "head", "repo", "full_name"), fork, baseSha.ToLowerInvariant(), headSha.ToLowerInvariant(), Text(pr, "user", "login"), labels);
        }
    }

    private static InputFormatException Missing(string path) => new($"the event has no {path}", 1, 1);

    private static bool IsSha(string value) => value.Length is 40 or 64 && value.All(char.IsAsciiHexDigit);

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');

    private static JsonElement? Element(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }

    private static string? Text(JsonElement element, params string[] path) =>
        Element(element, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
