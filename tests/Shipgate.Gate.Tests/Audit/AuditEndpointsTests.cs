using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shipgate.Gate.Audit;

namespace Shipgate.Gate.Tests.Audit;

/// <summary>
/// <c>/api/audit/*</c> over HTTP, on a host wired the way the service wires it (<see cref="AuditServiceCollectionExtensions.AddAuditLog"/>),
/// with a stand-in bearer scheme: token "auditor" has the auditor role, "viewer" does not.
/// </summary>
public sealed class AuditEndpointsTests : IAsyncLifetime
{
    private SqliteAuditDatabase _db = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private string _dataDirectory = null!;

    public async Task InitializeAsync()
    {
        _db = (SqliteAuditDatabase)await AuditDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _dataDirectory = Directory.CreateTempSubdirectory("shipgate-audit-api-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(_db.Time);
        builder.Services.AddAuditLog(_db.Connections, _dataDirectory);
        builder.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, TokenHandler>("Test", _ => { });
        builder.Services.AddAuthorizationBuilder().AddPolicy("auditor", p => p.RequireRole("auditor"));
        builder.Services.AddProblemDetails();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapAuditEndpoints();
        await _app.StartAsync();
        _client = _app.GetTestClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "auditor");

        var log = _app.Services.GetRequiredService<IAuditLog>();
        for (var i = 0; i < 12; i++)
        {
            _db.Time.Advance(TimeSpan.FromMinutes(1));
            await using var connection = await _db.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await log.AppendAsync(AuditDatabase.Sample(i), transaction);
            await transaction.CommitAsync();
        }
    }

    [Fact]
    public async Task Requests_without_the_auditor_role_are_refused()
    {
        using var anonymous = _app.GetTestClient();
        (await anonymous.GetAsync(new Uri("/api/audit/checkpoint", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var viewer = _app.GetTestClient();
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "viewer");
        foreach (var path in new[] { "entries", "checkpoint", "proof/inclusion?index=0&treeSize=1", "proof/consistency?first=1&second=2", "public-key", "export" })
        {
            (await viewer.GetAsync(new Uri("/api/audit/" + path, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }
    }

    [Fact]
    public async Task Entries_are_paged_with_their_canonical_text_and_leaf_hash()
    {
        var page = await _client.GetFromJsonAsync<AuditEntriesPage>("/api/audit/entries?since=4&limit=5");
        page!.TreeSize.ShouldBe(12);
        page.Entries.Select(e => e.Seq).ShouldBe([4L, 5, 6, 7, 8]);
        page.Next.ShouldBe(9);
        foreach (var entry in page.Entries)
        {
            entry.LeafHash.ShouldBe(Convert.ToHexStringLower(AuditEntry.LeafHash(entry.Canonical)));
        }

        var last = await _client.GetFromJsonAsync<AuditEntriesPage>("/api/audit/entries?since=9&limit=5");
        last!.Entries.Count.ShouldBe(3);
        last.Next.ShouldBeNull();
        (await _client.GetAsync(new Uri("/api/audit/entries?limit=5000", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Checkpoint_and_proofs_verify_with_the_published_key()
    {
        var pem = await _client.GetStringAsync(new Uri("/api/audit/public-key", UriKind.Relative));
        using var key = CheckpointVerifier.FromPublicKeyPem(pem);
        var checkpoint = SignedCheckpoint.FromDto((await _client.GetFromJsonAsync<CheckpointDto>("/api/audit/checkpoint"))!);
        key.Verify(checkpoint).ShouldBeTrue();
        checkpoint.Checkpoint.TreeSize.ShouldBe(12);

        var inclusion = (await _client.GetFromJsonAsync<InclusionProofDto>("/api/audit/proof/inclusion?index=5&treeSize=12"))!;
        MerkleTree.VerifyInclusion(5, 12, Convert.FromHexString(inclusion.LeafHash), [.. inclusion.Path.Select(Convert.FromHexString)], checkpoint.Checkpoint.RootHash)
            .ShouldBeTrue();

        var consistency = (await _client.GetFromJsonAsync<ConsistencyProofDto>("/api/audit/proof/consistency?first=7&second=12"))!;
        MerkleTree.VerifyConsistency(7, 12, Convert.FromHexString(consistency.FirstRoot), checkpoint.Checkpoint.RootHash, [.. consistency.Proof.Select(Convert.FromHexString)])
            .ShouldBeTrue();

        (await _client.GetAsync(new Uri("/api/audit/proof/inclusion?index=12&treeSize=12", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _client.GetAsync(new Uri("/api/audit/proof/consistency?first=3&second=99", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Export_streams_a_verifiable_log_from_a_sequence_number_or_a_time()
    {
        using var key = CheckpointVerifier.FromPublicKeyPem(await _client.GetStringAsync(new Uri("/api/audit/public-key", UriKind.Relative)));
        await using (var full = await _client.GetStreamAsync(new Uri("/api/audit/export", UriKind.Relative)))
        {
            var result = await AuditVerifier.VerifyAsync(full, key);
            result.Verified.ShouldBeTrue(result.Message);
            result.Entries.ShouldBe(12);
        }

        // Entry i was recorded at T0 + (i+1) minutes.
        await using (var recent = await _client.GetStreamAsync(new Uri("/api/audit/export?sinceTime=2026-03-29T00:39:30Z", UriKind.Relative)))
        {
            var result = await AuditVerifier.VerifyAsync(recent, key);
            result.Verified.ShouldBeTrue(result.Message);
            result.FirstSequence.ShouldBe(9);
        }

        (await _client.GetAsync(new Uri("/api/audit/export?format=xml", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_archive_export_ends_with_a_signed_checkpoint_at_its_end_and_retention_says_what_to_archive()
    {
        using var key = CheckpointVerifier.FromPublicKeyPem(await _client.GetStringAsync(new Uri("/api/audit/public-key", UriKind.Relative)));

        // Entries recorded before 00:35:30 are 0..4: the archive is [0, 5) with a checkpoint of tree size 5.
        await using (var archive = await _client.GetStreamAsync(new Uri("/api/audit/export?untilTime=2026-03-29T00:35:30Z", UriKind.Relative)))
        {
            var result = await AuditVerifier.VerifyAsync(archive, key);
            result.Verified.ShouldBeTrue(result.Message);
            result.Entries.ShouldBe(5);
            result.Final!.Checkpoint.TreeSize.ShouldBe(5);
        }

        await using (var middle = await _client.GetStreamAsync(new Uri("/api/audit/export?since=3&until=7", UriKind.Relative)))
        {
            var result = await AuditVerifier.VerifyAsync(middle, key);
            result.Verified.ShouldBeTrue(result.Message);
            (result.FirstSequence, result.Entries).ShouldBe((3L, 4L));
        }

        (await _client.GetAsync(new Uri("/api/audit/export?until=13", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _client.GetAsync(new Uri("/api/audit/export?since=8&until=7", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var retention = (await _client.GetFromJsonAsync<AuditRetentionDto>(new Uri("/api/audit/retention", UriKind.Relative)))!;
        retention.ShouldBe(new AuditRetentionDto(7, "2019-03-29T00:42:00.000Z", 0, 12));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _db.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private sealed class TokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var role = header["Bearer ".Length..];
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], "Test");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), "Test")));
        }
    }
}
