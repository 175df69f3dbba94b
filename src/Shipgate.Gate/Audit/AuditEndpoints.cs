using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Shipgate.Gate.Audit;

/// <summary>
/// <c>/api/audit/*</c>: entries (paged), the latest signed checkpoint, inclusion and consistency proofs, the public
/// key and a streamed export. All require the <c>auditor</c> authorization policy.
/// </summary>
public static class AuditEndpoints
{
    /// <param name="app">Where to map.</param>
    /// <param name="configure">Extra conventions for the group (the service adds its environment-scope filter).</param>
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app, Action<RouteGroupBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization("auditor");
        configure?.Invoke(api);

        api.MapGet("/entries", GetEntriesAsync).WithName("GetAuditEntries")
            .WithSummary("Audit entries from sequence number 'since' on (canonical JSON and leaf hash), at most 'limit' (1–1000).");
        api.MapGet("/checkpoint", GetCheckpointAsync).WithName("GetAuditCheckpoint")
            .WithSummary("The latest signed checkpoint: tree size, Merkle root, timestamp, key id and ECDSA P-256 signature.");
        api.MapGet("/proof/inclusion", GetInclusionProofAsync).WithName("GetAuditInclusionProof")
            .WithSummary("RFC 6962 audit path of entry 'index' in the tree of 'treeSize' entries.");
        api.MapGet("/proof/consistency", GetConsistencyProofAsync).WithName("GetAuditConsistencyProof")
            .WithSummary("RFC 6962 consistency proof between the trees of 'first' and 'second' entries.");
        api.MapGet("/public-key", GetPublicKey).WithName("GetAuditPublicKey")
            .WithSummary("The checkpoint signing key (SubjectPublicKeyInfo PEM).");
        api.MapGet("/export", ExportAsync).WithName("ExportAudit")
            .WithSummary("A verifiable JSON Lines export (or CloudEvents with format=cloudevents) of the entries from 'since' (a sequence number) or 'sinceTime' (RFC 3339) on, and before 'until' or 'untilTime' when given (an archive ending with a signed checkpoint of that size).");
        api.MapGet("/retention", GetRetentionAsync).WithName("GetAuditRetention")
            .WithSummary("The retention period, its cutoff now, and how many entries are past it (archive them with export?untilTime=cutoff).");
        return app;
    }

    internal static async Task<Results<Ok<AuditEntriesPage>, ValidationProblem>> GetEntriesAsync(
        IAuditReader reader, long? since, int? limit, CancellationToken token)
    {
        var from = since ?? 0;
        var count = limit ?? 100;
        if (from < 0 || count is < 1 or > SqlAuditReader.MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["since"] = from < 0 ? ["must not be negative"] : [],
                ["limit"] = count is < 1 or > SqlAuditReader.MaxPageSize ? [$"must be between 1 and {SqlAuditReader.MaxPageSize}"] : [],
            }.Where(p => p.Value.Length > 0).ToDictionary());
        }

        var size = await reader.GetTreeSizeAsync(token).ConfigureAwait(false);
        var entries = await reader.GetEntriesAsync(from, count, token).ConfigureAwait(false);
        var items = entries.Select(e => new AuditEntryDto(e.Sequence, Convert.ToHexStringLower(e.LeafHash), e.Canonical)).ToList();
        long? next = items.Count == count ? items[^1].Seq + 1 : null;
        return TypedResults.Ok(new AuditEntriesPage(size, items, next));
    }

    internal static async Task<Ok<CheckpointDto>> GetCheckpointAsync(IAuditReader reader, CancellationToken token) =>
        TypedResults.Ok((await reader.GetLatestCheckpointAsync(token).ConfigureAwait(false)).ToDto());

    internal static async Task<Results<Ok<InclusionProofDto>, ValidationProblem>> GetInclusionProofAsync(
        IAuditReader reader, long index, long treeSize, CancellationToken token)
    {
        try
        {
            var proof = await reader.GetInclusionProofAsync(index, treeSize, token).ConfigureAwait(false);
            return TypedResults.Ok(new InclusionProofDto(proof.Index, proof.TreeSize, Hex(proof.LeafHash), Hex(proof.RootHash), proof.Path.Select(Hex).ToList()));
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return Invalid(ex);
        }
    }

    internal static async Task<Results<Ok<ConsistencyProofDto>, ValidationProblem>> GetConsistencyProofAsync(
        IAuditReader reader, long first, long second, CancellationToken token)
    {
        try
        {
            var proof = await reader.GetConsistencyProofAsync(first, second, token).ConfigureAwait(false);
            return TypedResults.Ok(new ConsistencyProofDto(proof.First, proof.Second, Hex(proof.FirstRoot), Hex(proof.SecondRoot), proof.Proof.Select(Hex).ToList()));
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return Invalid(ex);
        }
    }

    internal static ContentHttpResult GetPublicKey(CheckpointSigner signer) =>
        TypedResults.Text(signer.ExportPublicKeyPem(), "application/x-pem-file");

    internal static async Task<Ok<AuditRetentionDto>> GetRetentionAsync(IAuditReader reader, AuditRetention retention, TimeProvider time, CancellationToken token)
    {
        var cutoff = retention.Cutoff(time.GetUtcNow());
        var past = await reader.GetFirstSequenceAtOrAfterAsync(cutoff, token).ConfigureAwait(false);
        return TypedResults.Ok(new AuditRetentionDto(retention.Years, AuditEntry.FormatTime(cutoff), past, await reader.GetTreeSizeAsync(token).ConfigureAwait(false)));
    }

    internal static async Task<IResult> ExportAsync(
        IAuditReader reader, HttpContext context, long? since, DateTimeOffset? sinceTime, long? until, DateTimeOffset? untilTime, string? format, CancellationToken token)
    {
        AuditExportFormat exportFormat;
        switch (format?.ToLowerInvariant())
        {
            case null or "jsonl":
                exportFormat = AuditExportFormat.Jsonl;
                break;
            case "cloudevents":
                exportFormat = AuditExportFormat.CloudEvents;
                break;
            default:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["must be jsonl or cloudevents"] });
        }

        if (since is < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["since"] = ["must not be negative"] });
        }

        var from = since ?? 0;
        if (sinceTime is { } time)
        {
            from = Math.Max(from, await reader.GetFirstSequenceAtOrAfterAsync(time, token).ConfigureAwait(false));
        }

        long? to = until;
        if (untilTime is { } end)
        {
            var before = await reader.GetFirstSequenceAtOrAfterAsync(end, token).ConfigureAwait(false);
            to = to is { } given ? Math.Min(given, before) : before;
        }

        var size = await reader.GetTreeSizeAsync(token).ConfigureAwait(false);
        if (to is < 0 || to > size || (to is { } t && from > t))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["until"] = [$"must be in [{from}, {size}]"] });
        }

        context.Response.ContentType = "application/x-ndjson";
        await reader.WriteExportAsync(context.Response.Body, from, to, exportFormat, token).ConfigureAwait(false);
        return TypedResults.Empty;
    }

    private static ValidationProblem Invalid(ArgumentOutOfRangeException ex) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            [ex.ParamName ?? "query"] = [ex.Message.Split(" (Parameter", 2)[0]],
        });

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

/// <summary>A page of entries; <c>canonical</c> is the exact hashed text (hash its UTF-8 bytes with a 0x00 prefix).</summary>
public sealed record AuditEntriesPage(long TreeSize, IReadOnlyList<AuditEntryDto> Entries, long? Next);

public sealed record AuditEntryDto(long Seq, string LeafHash, string Canonical);

/// <summary>The retention period in years, its cutoff now (RFC 3339), the entries recorded before it, and the log's size.</summary>
public sealed record AuditRetentionDto(int Years, string Cutoff, long EntriesPastRetention, long TreeSize);

public sealed record InclusionProofDto(long Index, long TreeSize, string LeafHash, string RootHash, IReadOnlyList<string> Path);

public sealed record ConsistencyProofDto(long First, long Second, string FirstRoot, string SecondRoot, IReadOnlyList<string> Proof);
