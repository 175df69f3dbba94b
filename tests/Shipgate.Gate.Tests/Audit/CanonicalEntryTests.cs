using System.Text;
using Shipgate.Gate.Audit;
using Shipgate.Testing;

namespace Shipgate.Gate.Tests.Audit;

/// <summary>
/// Known-answer tests for the canonical entry form and the tree over it. Fixed inputs give fixed bytes and hashes,
/// pinned in <c>Audit/Golden/audit-chain.txt</c>, so any change to canonicalisation shows up in the diff (and would
/// break every existing log's verification). <c>SHIPGATE_UPDATE_GOLDEN=1</c> rewrites the file.
/// </summary>
public sealed class CanonicalEntryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 29, 0, 59, 59, 999, TimeSpan.Zero);

    private static readonly AuditEntry[] Chain =
    [
        new(0, T0, new AuditEvent("deployment.requested", "ci:acme/shop", "success", "192.0.2.10", "production", "dep-1", "acme/shop",
            "refs/heads/main", "3f786850e387550fdab836ed7e6dc881de23001b", "Fix \"totals\"\n\tand tabs", "Zoë Ångström", "deploy.yml", "123456", "42")),
        new(1, T0.AddHours(1), new AuditEvent("deployment.approved", "alice", "success", "2001:db8::1", "production", "dep-1",
            Details: new Dictionary<string, string> { ["comment"] = "LGTM 👍", ["Zeta"] = "upper-case sorts first", ["group"] = "security-team" })),
        new(2, T0.AddHours(2), new AuditEvent("auth.failed", "anonymous", "denied", "198.51.100.7", Details: new Dictionary<string, string> { ["reason"] = "bad token\u0001" })),
    ];

    [Fact]
    public void Canonical_entries_and_their_tree_match_the_golden_file()
    {
        var text = new StringBuilder();
        var frontier = new MerkleFrontier();
        foreach (var entry in Chain)
        {
            var canonical = entry.ToCanonicalJson();
            var leaf = AuditEntry.LeafHash(canonical);
            frontier.Append(leaf);
            text.Append(canonical).Append('\n')
                .Append("leaf ").Append(Convert.ToHexStringLower(leaf)).Append('\n')
                .Append("root ").Append(Convert.ToHexStringLower(frontier.Root())).Append('\n');
        }

        var path = Path.Combine(SourceTree.ProjectDirectory, "Audit", "Golden", "audit-chain.txt");
        if (Environment.GetEnvironmentVariable("SHIPGATE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, text.ToString());
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing; run with SHIPGATE_UPDATE_GOLDEN=1 and review it");
        text.ToString().ShouldBe(File.ReadAllText(path));
    }

    [Fact]
    public void Keys_are_sorted_by_code_unit_nulls_omitted_and_strings_minimally_escaped()
    {
        var canonical = Chain[1].ToCanonicalJson();
        canonical.ShouldStartWith("{\"actor\":\"alice\",\"deploymentId\":\"dep-1\",\"details\":{\"Zeta\":\"upper-case sorts first\",\"comment\":\"LGTM 👍\",\"group\":\"security-team\"},");
        canonical.ShouldNotContain("null");
        canonical.ShouldNotContain(" :");
        Chain[0].ToCanonicalJson().ShouldContain("\"commitMessage\":\"Fix \\\"totals\\\"\\n\\tand tabs\"");
        Chain[0].ToCanonicalJson().ShouldContain("\"author\":\"Zoë Ångström\"");
        Chain[2].ToCanonicalJson().ShouldContain("\"reason\":\"bad token\\u0001\"");
        Chain[2].ToCanonicalJson().ShouldEndWith("\"time\":\"2026-03-29T02:59:59.999Z\",\"type\":\"auth.failed\",\"v\":1}");
    }

    [Fact]
    public void Canonical_entries_parse_back_to_the_same_entry()
    {
        foreach (var entry in Chain)
        {
            var back = AuditEntry.Parse(entry.ToCanonicalJson());
            back.ToCanonicalJson().ShouldBe(entry.ToCanonicalJson());
            back.Sequence.ShouldBe(entry.Sequence);
        }

        Should.Throw<FormatException>(() => AuditEntry.Parse("{\"seq\":1}"));
        Should.Throw<FormatException>(() => AuditEntry.Parse("[1"));
    }

    [Fact]
    public void Lone_surrogates_become_replacement_characters_so_every_string_has_one_encoding()
    {
        var entry = new AuditEntry(0, T0, new AuditEvent("x", "bad\ud800actor", "success"));
        var canonical = entry.ToCanonicalJson();
        canonical.ShouldContain("bad\ufffdactor");
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(canonical)).ShouldBe(canonical);
    }

    [Fact]
    public void Timestamps_are_utc_with_milliseconds_whatever_the_offset()
    {
        AuditEntry.FormatTime(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2))).ShouldBe("2026-10-25T00:30:00.000Z");
        AuditEntry.TryParseTime("2026-10-25T00:30:00.000Z", out var parsed).ShouldBeTrue();
        parsed.ShouldBe(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero));
        AuditEntry.TryParseTime("2026-10-25T00:30:00Z", out _).ShouldBeFalse();
    }
}
