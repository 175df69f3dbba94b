using System.Globalization;
using System.Text;

namespace Shipgate.Gate.Audit;

/// <summary>
/// A statement "the log had <see cref="TreeSize"/> entries and this Merkle root at <see cref="Timestamp"/>".
/// The signed bytes are the UTF-8 of <see cref="ToSignedText"/>, four lines each ending in <c>\n</c>:
/// <code>
/// shipgate-audit-checkpoint/v1
/// &lt;tree size, decimal&gt;
/// &lt;root hash, 64 lowercase hex digits&gt;
/// &lt;timestamp, RFC 3339 UTC with milliseconds&gt;
/// </code>
/// </summary>
public sealed record Checkpoint(long TreeSize, byte[] RootHash, DateTimeOffset Timestamp)
{
    /// <summary>First line of the signed text; names the format and its version.</summary>
    public const string Header = "shipgate-audit-checkpoint/v1";

    /// <summary>The exact text that is signed.</summary>
    public string ToSignedText() =>
        string.Create(CultureInfo.InvariantCulture, $"{Header}\n{TreeSize}\n{Convert.ToHexStringLower(RootHash)}\n{AuditEntry.FormatTime(Timestamp)}\n");

    /// <summary>The UTF-8 bytes of <see cref="ToSignedText"/>.</summary>
    public byte[] ToSignedBytes() => Encoding.UTF8.GetBytes(ToSignedText());

    /// <summary>True when both describe the same tree (size and root), whatever the timestamps.</summary>
    public bool SameTree(Checkpoint other) => other is not null && TreeSize == other.TreeSize && RootHash.AsSpan().SequenceEqual(other.RootHash);
}

/// <summary>A checkpoint with its ECDSA P-256 / SHA-256 signature (DER, RFC 3279) and the signing key's id.</summary>
public sealed record SignedCheckpoint(Checkpoint Checkpoint, string KeyId, byte[] Signature)
{
    /// <summary>The JSON-friendly form used by the API and in exports.</summary>
    public CheckpointDto ToDto() => new(
        Checkpoint.TreeSize, Convert.ToHexStringLower(Checkpoint.RootHash), AuditEntry.FormatTime(Checkpoint.Timestamp), KeyId,
        Convert.ToBase64String(Signature));

    /// <summary>Reads the JSON-friendly form; throws <see cref="FormatException"/> naming the bad field.</summary>
    public static SignedCheckpoint FromDto(CheckpointDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        if (dto.TreeSize < 0)
        {
            throw new FormatException("checkpoint treeSize must not be negative");
        }

        byte[] root;
        byte[] signature;
        try
        {
            root = Convert.FromHexString(dto.RootHash ?? "");
            signature = Convert.FromBase64String(dto.Signature ?? "");
        }
        catch (FormatException)
        {
            throw new FormatException("checkpoint rootHash must be hex and signature base64");
        }

        if (root.Length != MerkleTree.HashSize)
        {
            throw new FormatException("checkpoint rootHash must be 32 bytes (64 hex digits)");
        }

        if (!AuditEntry.TryParseTime(dto.Timestamp, out var time))
        {
            throw new FormatException("checkpoint timestamp must be RFC 3339 UTC with milliseconds");
        }

        return new SignedCheckpoint(new Checkpoint(dto.TreeSize, root, time), dto.KeyId ?? "", signature);
    }
}

/// <summary>A signed checkpoint as JSON: <c>{"keyId","rootHash","signature","timestamp","treeSize"}</c>.</summary>
public sealed record CheckpointDto(long TreeSize, string RootHash, string Timestamp, string KeyId, string Signature);
