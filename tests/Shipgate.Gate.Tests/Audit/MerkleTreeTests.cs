using System.Security.Cryptography;
using System.Text;
using Shipgate.Gate.Audit;

namespace Shipgate.Gate.Tests.Audit;

/// <summary>
/// The Merkle tree against a naive transcription of RFC 6962 §2.1 (MTH, PATH, PROOF/SUBPROOF over lists of leaf data),
/// for every tree size up to 70 and every index / first size, plus the known empty-tree hash and negative cases.
/// </summary>
public sealed class MerkleTreeTests
{
    private const int MaxSize = 70;

    private static readonly byte[][] Data = [.. Enumerable.Range(0, MaxSize).Select(i => Encoding.UTF8.GetBytes($"leaf-{i}"))];

    // ---- the reference: RFC 6962 definitions, literally, over D[n] ----
    private static byte[] Mth(ReadOnlySpan<byte[]> d)
    {
        if (d.Length == 0)
        {
            return SHA256.HashData([]);
        }

        if (d.Length == 1)
        {
            return SHA256.HashData([0x00, .. d[0]]);
        }

        var k = 1;
        while (k * 2 < d.Length)
        {
            k *= 2;
        }

        return SHA256.HashData([0x01, .. Mth(d[..k]), .. Mth(d[k..])]);
    }

    private static List<byte[]> RefPath(int m, ReadOnlySpan<byte[]> d)
    {
        if (d.Length == 1)
        {
            return [];
        }

        var k = 1;
        while (k * 2 < d.Length)
        {
            k *= 2;
        }

        return m < k ? [.. RefPath(m, d[..k]), Mth(d[k..])] : [.. RefPath(m - k, d[k..]), Mth(d[..k])];
    }

    private static List<byte[]> RefSubProof(int m, ReadOnlySpan<byte[]> d, bool b)
    {
        if (m == d.Length)
        {
            return b ? [] : [Mth(d)];
        }

        var k = 1;
        while (k * 2 < d.Length)
        {
            k *= 2;
        }

        return m <= k ? [.. RefSubProof(m, d[..k], b), Mth(d[k..])] : [.. RefSubProof(m - k, d[k..], false), Mth(d[..k])];
    }

    // ---- the implementation under test, over an in-memory leaf list ----
    private static Func<int, long, byte[]> Nodes(int n) => (level, index) =>
    {
        var start = (int)(index << level);
        var count = 1 << level;
        start.ShouldBeLessThan(n);
        (start + count).ShouldBeLessThanOrEqualTo(n, "asked for a subtree beyond the tree");
        return Mth(Data.AsSpan(start, count));
    };

    [Fact]
    public void Empty_tree_hash_is_sha256_of_nothing()
    {
        Convert.ToHexStringLower(MerkleTree.EmptyRoot()).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        Convert.ToHexStringLower(new MerkleFrontier().Root()).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    [Fact]
    public void Leaf_and_node_hashes_use_the_domain_separation_prefixes()
    {
        MerkleTree.HashLeaf("abc"u8).ShouldBe(SHA256.HashData([0x00, .. "abc"u8]));
        var l = SHA256.HashData("l"u8);
        var r = SHA256.HashData("r"u8);
        MerkleTree.HashChildren(l, r).ShouldBe(SHA256.HashData([0x01, .. l, .. r]));
    }

    [Fact]
    public void Root_of_every_size_matches_the_reference_three_ways()
    {
        var frontier = new MerkleFrontier();
        for (var n = 0; n <= MaxSize; n++)
        {
            var expected = Mth(Data.AsSpan(0, n));
            MerkleTree.RangeHash(0, n, Nodes(n)).ShouldBe(expected, $"RangeHash, size {n}");
            frontier.Root().ShouldBe(expected, $"frontier, size {n}");
            MerkleFrontier.FromNodes(n, [.. frontier.Nodes.Select(x => x.Hash)]).Root().ShouldBe(expected, $"restored frontier, size {n}");
            if (n < MaxSize)
            {
                frontier.Append(MerkleTree.HashLeaf(Data[n]));
            }
        }
    }

    [Fact]
    public void Frontier_reports_each_completed_subtree_with_its_position()
    {
        var completed = new List<(int Level, long Index, byte[] Hash)>();
        var frontier = new MerkleFrontier();
        for (var i = 0; i < 16; i++)
        {
            frontier.Append(MerkleTree.HashLeaf(Data[i]), (level, index, hash) => completed.Add((level, index, hash)));
        }

        completed.Count.ShouldBe(15); // 8 + 4 + 2 + 1 internal nodes of a 16-leaf tree
        foreach (var (level, index, hash) in completed)
        {
            hash.ShouldBe(Mth(Data.AsSpan((int)(index << level), 1 << level)));
        }
    }

    [Fact]
    public void Inclusion_proofs_match_the_reference_and_verify()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var root = Mth(Data.AsSpan(0, n));
            for (var m = 0; m < n; m++)
            {
                var proof = MerkleTree.InclusionProof(m, n, Nodes(n));
                proof.ShouldBe(RefPath(m, Data.AsSpan(0, n)), $"PATH({m}, D[{n}])");
                MerkleTree.VerifyInclusion(m, n, MerkleTree.HashLeaf(Data[m]), proof, root).ShouldBeTrue($"verify PATH({m}, D[{n}])");
            }
        }
    }

    [Fact]
    public void Consistency_proofs_match_the_reference_and_verify()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var second = Mth(Data.AsSpan(0, n));
            for (var m = 0; m <= n; m++)
            {
                var proof = MerkleTree.ConsistencyProof(m, n, Nodes(n));
                proof.ShouldBe(m == 0 || m == n ? [] : RefSubProof(m, Data.AsSpan(0, n), true), $"PROOF({m}, D[{n}])");
                MerkleTree.VerifyConsistency(m, n, Mth(Data.AsSpan(0, m)), second, proof).ShouldBeTrue($"verify PROOF({m}, D[{n}])");
            }
        }
    }

    [Fact]
    public void Inclusion_verification_rejects_wrong_leaf_index_size_root_or_path()
    {
        const int n = 21;
        var root = Mth(Data.AsSpan(0, n));
        for (var m = 0; m < n; m++)
        {
            var leaf = MerkleTree.HashLeaf(Data[m]);
            var proof = MerkleTree.InclusionProof(m, n, Nodes(n));
            MerkleTree.VerifyInclusion(m, n, MerkleTree.HashLeaf(Data[(m + 1) % n]), proof, root).ShouldBeFalse("other leaf");
            MerkleTree.VerifyInclusion((m + 1) % n, n, leaf, proof, root).ShouldBeFalse("other index");
            MerkleTree.VerifyInclusion(m, 2 * n, leaf, proof, root).ShouldBeFalse("a size needing a longer path");
            MerkleTree.VerifyInclusion(m, n, leaf, proof, Mth(Data.AsSpan(0, n - 1))).ShouldBeFalse("other root");
            MerkleTree.VerifyInclusion(m, n, leaf, proof.Take(proof.Count - 1).ToList(), root).ShouldBeFalse("short path");
            MerkleTree.VerifyInclusion(m, n, leaf, [.. proof, root], root).ShouldBeFalse("long path");
            for (var i = 0; i < proof.Count; i++)
            {
                var bad = proof.Select(p => (byte[])p.Clone()).ToList();
                bad[i][5] ^= 0x40;
                MerkleTree.VerifyInclusion(m, n, leaf, bad, root).ShouldBeFalse($"flipped bit in path[{i}]");
            }
        }
    }

    [Fact]
    public void Consistency_verification_rejects_a_rewritten_history()
    {
        const int n = 37;
        var forged = (byte[][])Data.Clone();
        forged[3] = "rewritten"u8.ToArray();
        for (var m = 1; m < n; m++)
        {
            var proof = MerkleTree.ConsistencyProof(m, n, Nodes(n));
            var first = Mth(Data.AsSpan(0, m));
            var second = Mth(Data.AsSpan(0, n));
            MerkleTree.VerifyConsistency(m, n, first, Mth(forged.AsSpan(0, n)), proof).ShouldBeFalse($"forged second tree, m={m}");
            if (m > 3)
            {
                MerkleTree.VerifyConsistency(m, n, Mth(forged.AsSpan(0, m)), second, proof).ShouldBeFalse($"forged first tree, m={m}");
            }

            MerkleTree.VerifyConsistency(m, n, first, second, []).ShouldBeFalse($"empty proof, m={m}");
            var bad = proof.Select(p => (byte[])p.Clone()).ToList();
            bad[^1][0] ^= 1;
            MerkleTree.VerifyConsistency(m, n, first, second, bad).ShouldBeFalse($"flipped bit, m={m}");
        }

        MerkleTree.VerifyConsistency(5, 5, Mth(Data.AsSpan(0, 5)), Mth(Data.AsSpan(0, 5)), []).ShouldBeTrue();
        MerkleTree.VerifyConsistency(5, 5, Mth(Data.AsSpan(0, 5)), Mth(forged.AsSpan(0, 5)), []).ShouldBeFalse();
        MerkleTree.VerifyConsistency(6, 5, Mth(Data.AsSpan(0, 5)), Mth(Data.AsSpan(0, 5)), []).ShouldBeFalse("first > second");
    }

    [Fact]
    public void Proof_arguments_out_of_range_throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(5, 5, Nodes(5)));
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(-1, 5, Nodes(5)));
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyProof(6, 5, Nodes(5)));
        Should.Throw<ArgumentException>(() => MerkleFrontier.FromNodes(5, [new byte[32]]));
    }
}
