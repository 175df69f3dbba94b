namespace Shipgate.Gate.Audit;

/// <summary>
/// The right edge of a growing Merkle tree: one perfect subtree root per set bit of the tree size, largest first.
/// Appending a leaf is amortised O(1) hashes, the root is O(log n). This is all a writer or a streaming verifier
/// needs to keep, however large the log.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<(int Level, byte[] Hash)> _nodes = [];

    /// <summary>Number of leaves appended.</summary>
    public long Size { get; private set; }

    /// <summary>The perfect subtree roots, largest (leftmost) first.</summary>
    public IReadOnlyList<(int Level, byte[] Hash)> Nodes => _nodes;

    /// <summary>Restores a frontier from its subtree roots (as exported, or as read from the node table).</summary>
    public static MerkleFrontier FromNodes(long size, IReadOnlyList<byte[]> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var frontier = new MerkleFrontier { Size = size };
        var levels = LevelsOf(size);
        if (levels.Count != hashes.Count)
        {
            throw new ArgumentException($"a tree of size {size} has {levels.Count} frontier node(s), got {hashes.Count}", nameof(hashes));
        }

        for (var i = 0; i < levels.Count; i++)
        {
            if (hashes[i].Length != MerkleTree.HashSize)
            {
                throw new ArgumentException("frontier hashes must be 32 bytes", nameof(hashes));
            }

            frontier._nodes.Add((levels[i], hashes[i]));
        }

        return frontier;
    }

    /// <summary>The levels of the frontier nodes of a tree of <paramref name="size"/> leaves, largest first.</summary>
    public static IReadOnlyList<int> LevelsOf(long size)
    {
        var levels = new List<int>();
        for (var level = 62; level >= 0; level--)
        {
            if ((size & (1L << level)) != 0)
            {
                levels.Add(level);
            }
        }

        return levels;
    }

    /// <summary>The (level, index) of each frontier node of a tree of <paramref name="size"/> leaves, largest first.</summary>
    public static IReadOnlyList<(int Level, long Index)> PositionsOf(long size)
    {
        var positions = new List<(int, long)>();
        long start = 0;
        foreach (var level in LevelsOf(size))
        {
            positions.Add((level, start >> level));
            start += 1L << level;
        }

        return positions;
    }

    /// <summary>Appends a leaf hash; <paramref name="completed"/> hears of each new perfect subtree (level ≥ 1, index, hash).</summary>
    public void Append(byte[] leafHash, Action<int, long, byte[]>? completed = null)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        if (leafHash.Length != MerkleTree.HashSize)
        {
            throw new ArgumentException("leaf hashes must be 32 bytes", nameof(leafHash));
        }

        var hash = leafHash;
        var level = 0;
        var index = Size;
        while (_nodes.Count > 0 && _nodes[^1].Level == level)
        {
            hash = MerkleTree.HashChildren(_nodes[^1].Hash, hash);
            _nodes.RemoveAt(_nodes.Count - 1);
            level++;
            index >>= 1;
            completed?.Invoke(level, index, hash);
        }

        _nodes.Add((level, hash));
        Size++;
    }

    /// <summary>MTH of the leaves appended so far.</summary>
    public byte[] Root()
    {
        if (_nodes.Count == 0)
        {
            return MerkleTree.EmptyRoot();
        }

        var root = (byte[])_nodes[^1].Hash.Clone();
        for (var i = _nodes.Count - 2; i >= 0; i--)
        {
            MerkleTree.HashChildren(_nodes[i].Hash, root, root);
        }

        return root;
    }
}
