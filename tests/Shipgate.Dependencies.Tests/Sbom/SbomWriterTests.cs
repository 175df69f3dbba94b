using System.Globalization;
using System.Text;
using System.Text.Json;
using Shipgate.Dependencies.Lockfiles;
using Shipgate.Dependencies.Sbom;
using Shipgate.Dependencies.Tests.Support;

namespace Shipgate.Dependencies.Tests.Sbom;

/// <summary>
/// Both SBOM writers over one fixture project (npm with a nested dependency and a dev package, Cargo with a graph and
/// checksums, a requirements file), with the timestamp and serial number injected, against golden files — run under
/// the invariant culture and a comma-decimal one (rewrite with SHIPGATE_UPDATE_GOLDEN=1).
/// </summary>
public sealed class SbomWriterTests
{
    internal static readonly SbomDocumentInfo Info = new(
        "project", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), Guid.Parse("3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"), "shipgate", "1.2.3");

    public static TheoryData<string, string> Cases() => new()
    {
        { "cyclonedx", "" },
        { "cyclonedx", "de-DE" },
        { "spdx", "" },
        { "spdx", "de-DE" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Writer_output_matches_the_golden_file(string format, string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var text = await Write(format == "spdx" ? SbomFormat.Spdx : SbomFormat.CycloneDx);
            Golden.Verify($"Sbom/project.{format}.expected.json", text);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task CycloneDx_has_purls_hashes_scopes_and_the_graph()
    {
        using var json = JsonDocument.Parse(await Write(SbomFormat.CycloneDx));
        var root = json.RootElement;
        root.GetProperty("serialNumber").GetString().ShouldBe("urn:uuid:3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b");
        var components = root.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("bom-ref").GetString()!);
        components.Count.ShouldBe(9);
        components["pkg:npm/%40babel/code-frame@7.24.7"].GetProperty("group").GetString().ShouldBe("@babel");
        components["pkg:npm/left-pad@1.3.0"].GetProperty("scope").GetString().ShouldBe("excluded");
        components["pkg:cargo/serde@1.0.203"].GetProperty("hashes")[0].GetProperty("content").GetString()
            .ShouldBe("7253ab4de971e72fb7be983802300c30b5a7f0c2e56fab8abfc6a214307c0094");
        components["pkg:npm/ms@2.1.2"].GetProperty("hashes")[0].GetProperty("alg").GetString().ShouldBe("SHA-512");
        components["pkg:pypi/requests@2.32.3"].TryGetProperty("hashes", out _).ShouldBeFalse();

        var edges = root.GetProperty("dependencies").EnumerateArray()
            .ToDictionary(d => d.GetProperty("ref").GetString()!, d => d.GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()).ToList());
        edges["pkg:npm/debug@4.3.5"].ShouldBe(["pkg:npm/ms@2.1.2"]);
        edges["pkg:cargo/serde@1.0.203"].ShouldBe(["pkg:cargo/serde_derive@1.0.203"]);
        edges[CycloneDxWriter.ProjectReference].ShouldContain("pkg:npm/debug@4.3.5");
        edges[CycloneDxWriter.ProjectReference].ShouldNotContain("pkg:npm/ms@2.1.2");
        edges.Values.SelectMany(v => v).ShouldAllBe(r => components.ContainsKey(r!));
    }

    [Fact]
    public async Task Spdx_has_purl_refs_checksums_and_relationships()
    {
        using var json = JsonDocument.Parse(await Write(SbomFormat.Spdx));
        var root = json.RootElement;
        root.GetProperty("spdxVersion").GetString().ShouldBe("SPDX-2.3");
        root.GetProperty("documentNamespace").GetString().ShouldBe("https://spdx.org/spdxdocs/shipgate/project-3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b");
        var packages = root.GetProperty("packages").EnumerateArray().ToList();
        packages.Count.ShouldBe(10);
        packages.Select(p => p.GetProperty("SPDXID").GetString()).ShouldBeUnique();
        var ids = packages.ToDictionary(p => p.GetProperty("SPDXID").GetString()!, p => p.GetProperty("name").GetString()!);
        var debug = packages.Single(p => p.GetProperty("name").GetString() == "debug");
        debug.GetProperty("externalRefs")[0].GetProperty("referenceLocator").GetString().ShouldBe("pkg:npm/debug@4.3.5");
        debug.GetProperty("checksums")[0].GetProperty("algorithm").GetString().ShouldBe("SHA512");
        var relationships = root.GetProperty("relationships").EnumerateArray()
            .Select(r => (From: ids.GetValueOrDefault(r.GetProperty("spdxElementId").GetString()!, "DOC"), Type: r.GetProperty("relationshipType").GetString(), To: ids[r.GetProperty("relatedSpdxElement").GetString()!]))
            .ToList();
        relationships.ShouldContain(("DOC", "DESCRIBES", "project"));
        relationships.ShouldContain(("debug", "DEPENDS_ON", "ms"));
        relationships.ShouldContain(("left-pad", "DEV_DEPENDENCY_OF", "project"));
        relationships.ShouldContain(("project", "DEPENDS_ON", "requests"));
    }

    /// <summary>The graph of the fixture project (<c>Fixtures/Sbom/project</c>).</summary>
    internal static SbomGraph FixtureGraph()
    {
        var root = Path.Combine(Golden.OutputRoot, "Fixtures", "Sbom");
        var files = new PhysicalFileReader(root);
        var requests = LockfileReader.Discover(Path.Combine(root, "project"), "project", LockfileFormats.Create(files));
        var inventory = new LockfileReader(files).Read(requests);
        inventory.Errors.ShouldBeEmpty();
        return SbomGraph.Build(inventory.Packages);
    }

    private static async Task<string> Write(SbomFormat format)
    {
        var graph = FixtureGraph();
        using var stream = new MemoryStream();
        if (format == SbomFormat.Spdx)
        {
            await SpdxWriter.WriteAsync(graph, Info, stream, CancellationToken.None);
        }
        else
        {
            await CycloneDxWriter.WriteAsync(graph, Info, stream, CancellationToken.None);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
