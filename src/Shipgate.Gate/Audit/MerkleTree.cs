using System.Buffers;
using System.Security.Cryptography;

namespace Shipgate.Gate.Audit;

/// <summary>
/// The RFC 6962 / RFC 9162 Merkle tree: leaf and node hashing, the Merkle Tree Hash (MTH) of a range, inclusion
/// (audit) paths, consistency proofs, and their verification. Pure: no I/O. Subtree hashes come from a delegate
/// that returns the hash of a <em>perfect, aligned</em> subtree (level <c>l</c>, index <c>i</c> covers leaves
/// <c>[i·2^l, (i+1)·2^l)</c>), so the same code serves an in-memory list of leaves and the database's node table.
/// </summary>
public static class MerkleTree
{
    /// <summary>Size of every hash (SHA-256).</summary>
    public const int HashSize = 32;

    /// <summary>MTH({}) = SHA-256 of the empty string (e3b0c442…).</summary>
    public static byte[] EmptyRoot() => SHA256.HashData([]);

    /// <summary>MTH({d}) = SHA-256(0x00 || d).</summary>
    public static byte[] HashLeaf(ReadOnlySpan<byte> data)
    {
        // One-shot hashing of a pooled copy is several times faster than an IncrementalHash per leaf.
        var buffer = ArrayPool<byte>.Shared.Rent(data.Length + 1);
        try
        {
            buffer[0] = 0x00;
            data.CopyTo(buffer.AsSpan(1));
            return SHA256.HashData(buffer.AsSpan(0, data.Length + 1));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>SHA-256(0x01 || left || right).</summary>
    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var result = new byte[HashSize];
        HashChildren(left, right, result);
        return result;
    }

    /// <summary>SHA-256(0x01 || left || right) into <paramref name="destination"/> (which may alias an input).</summary>
    public static void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * HashSize)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        SHA256.HashData(buffer, destination);
    }

    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2).</summary>
    public static long SplitPoint(long n)
    {
        if (n < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "a split needs at least two leaves");
        }

        return 1L << (63 - (int)long.LeadingZeroCount(n - 1));
    }

    /// <summary>MTH of the leaves <c>[start, start+count)</c>, where <paramref name="start"/> is aligned as RFC 6962's recursion aligns it.</summary>
    public static byte[] RangeHash(long start, long count, Func<int, long, byte[]> perfectNode)
    {
        ArgumentNullException.ThrowIfNull(perfectNode);
        if (count == 0)
        {
            return EmptyRoot();
        }

        if (long.IsPow2(count) && start % count == 0)
        {
            return perfectNode(63 - (int)long.LeadingZeroCount(count), start / count);
        }

        var k = SplitPoint(count);
        return HashChildren(RangeHash(start, k, perfectNode), RangeHash(start + k, count - k, perfectNode));
    }

    /// <summary>RFC 6962 §2.1.1 PATH(index, D[treeSize]): the audit path of leaf <paramref name="index"/>, leaf-side first.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(long index, long treeSize, Func<int, long, byte[]> perfectNode)
    {
        if (index < 0 || index >= treeSize)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"leaf index must be in [0, {treeSize})");
        }

        var path = new List<byte[]>();
        Path(index, 0, treeSize, perfectNode, path);
        return path;
    }

    private static void Path(long m, long start, long n, Func<int, long, byte[]> node, List<byte[]> path)
    {
        if (n <= 1)
        {
            return;
        }

        var k = SplitPoint(n);
        if (m < k)
        {
            Path(m, start, k, node, path);
            path.Add(RangeHash(start + k, n - k, node));
        }
        else
        {
            Path(m - k, start + k, n - k, node, path);
            path.Add(RangeHash(start, k, node));
        }
    }

    /// <summary>RFC 6962 §2.1.2 PROOF(first, D[second]); empty when first is 0 or equals second.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(long first, long second, Func<int, long, byte[]> perfectNode)
    {
        if (first < 0 || first > second)
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, $"first tree size must be in [0, {second}]");
        }

        var proof = new List<byte[]>();
        if (first > 0 && first < second)
        {
            SubProof(first, 0, second, true, perfectNode, proof);
        }

        return proof;
    }

    private static void SubProof(long m, long start, long n, bool complete, Func<int, long, byte[]> node, List<byte[]> proof)
    {
        if (m == n)
        {
            if (!complete)
            {
                proof.Add(RangeHash(start, n, node));
            }

            return;
        }

        var k = SplitPoint(n);
        if (m <= k)
        {
            SubProof(m, start, k, complete, node, proof);
            proof.Add(RangeHash(start + k, n - k, node));
        }
        else
        {
            SubProof(m - k, start + k, n - k, false, node, proof);
            proof.Add(RangeHash(start, k, node));
        }
    }

    /// <summary>RFC 9162 §2.1.3.2: does <paramref name="proof"/> show leaf <paramref name="index"/> with <paramref name="leafHash"/> in the tree with <paramref name="root"/>?</summary>
    public static bool VerifyInclusion(long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index < 0 || index >= treeSize || leafHash.Length != HashSize || root.Length != HashSize)
        {
            return false;
        }

        var fn = index;
        var sn = treeSize - 1;
        Span<byte> r = stackalloc byte[HashSize];
        leafHash.CopyTo(r);
        foreach (var p in proof)
        {
            if (sn == 0 || p.Length != HashSize)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                HashChildren(p, r, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                HashChildren(r, p, r);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.SequenceEqual(root);
    }

    /// <summary>RFC 9162 §2.1.4.2: does <paramref name="proof"/> show the tree of size <paramref name="first"/> is a prefix of the one of size <paramref name="second"/>?</summary>
    public static bool VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (first < 0 || first > second || firstRoot.Length != HashSize || secondRoot.Length != HashSize)
        {
            return false;
        }

        if (first == second)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        }

        if (first == 0)
        {
            // Every tree extends the empty tree.
            return proof.Count == 0 && firstRoot.SequenceEqual(EmptyRoot());
        }

        if (proof.Count == 0 || proof.Any(p => p.Length != HashSize))
        {
            return false;
        }

        var path = long.IsPow2(first) ? [firstRoot.ToArray(), .. proof] : proof;
        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        Span<byte> fr = stackalloc byte[HashSize];
        Span<byte> sr = stackalloc byte[HashSize];
        path[0].CopyTo(fr);
        path[0].CopyTo(sr);
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                HashChildren(c, fr, fr);
                HashChildren(c, sr, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                HashChildren(sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.SequenceEqual(firstRoot) && sr.SequenceEqual(secondRoot);
    }
}
