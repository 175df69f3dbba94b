using System.Security.Cryptography;

namespace Shipgate.Gate.Audit;

/// <summary>
/// Signs audit checkpoints with the gate's ECDSA P-256 key (SHA-256, DER signatures). The key lives in the data
/// folder as a PKCS#8 PEM file created with owner-only permissions on first start; the public key is exported as
/// SubjectPublicKeyInfo PEM for auditors, who verify with <see cref="CheckpointVerifier"/> or <c>openssl dgst</c>.
/// </summary>
public sealed class CheckpointSigner : IDisposable
{
    /// <summary>File name of the private key inside the data folder.</summary>
    public const string KeyFileName = "audit-signing-key.pem";

    private readonly ECDsa _key;
    private readonly byte[] _headKey;

    private CheckpointSigner(ECDsa key)
    {
        _key = key;
        Verifier = CheckpointVerifier.FromPublicKeyPem(key.ExportSubjectPublicKeyInfoPem());

        // The tree-head MAC key is derived from the private scalar, so every replica holding the key file shares it.
        var d = key.ExportParameters(includePrivateParameters: true).D!;
        _headKey = HMACSHA256.HashData(d, "shipgate-audit-head-mac/v1"u8);
        CryptographicOperations.ZeroMemory(d);
    }

    /// <summary>Verifies what this signer signs.</summary>
    public CheckpointVerifier Verifier { get; }

    /// <summary>Short id of the public key (first 8 bytes of SHA-256 over its SubjectPublicKeyInfo, hex).</summary>
    public string KeyId => Verifier.KeyId;

    /// <summary>Loads <c>audit-signing-key.pem</c> from <paramref name="dataDirectory"/>, creating it (mode 0600) on first start.</summary>
    public static CheckpointSigner LoadOrCreate(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        if (!Directory.Exists(dataDirectory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(dataDirectory);
            }
            else
            {
                Directory.CreateDirectory(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var path = Path.Combine(dataDirectory, KeyFileName);
        if (!File.Exists(path))
        {
            CreateKeyFile(path);
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            if ((mode & others) != 0)
            {
                throw new InvalidOperationException($"{path}: the audit signing key is accessible to other users; run 'chmod 600 {path}'");
            }
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{path}: not a PKCS#8 PEM EC private key: {ex.Message}", ex);
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidOperationException($"{path}: the audit signing key must be ECDSA P-256, found a {key.KeySize}-bit key");
        }

        return new CheckpointSigner(key);
    }

    /// <summary>A signer over a fresh in-memory key (tests and generators).</summary>
    public static CheckpointSigner CreateEphemeral() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    private static void CreateKeyFile(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(pem);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        try
        {
            // Atomic and never overwrites: when two replicas start at once, the first key wins and both load it.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The public key as SubjectPublicKeyInfo PEM (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    public string ExportPublicKeyPem() => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Signs <paramref name="checkpoint"/>.</summary>
    public SignedCheckpoint Sign(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var signature = _key.SignData(checkpoint.ToSignedBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new SignedCheckpoint(checkpoint, KeyId, signature);
    }

    /// <summary>True when <paramref name="checkpoint"/> carries a valid signature by this key.</summary>
    public bool Verify(SignedCheckpoint checkpoint) => Verifier.Verify(checkpoint);

    /// <summary>
    /// HMAC-SHA256 of an unsigned tree head (size and root), with a key derived from the signing key. The log stores
    /// one per append, so a checkpoint signed later (every N entries, on a timer, or for an export) only covers a tree
    /// the log itself produced: rows written behind its back carry no valid MAC and stay uncovered.
    /// </summary>
    public byte[] MacTreeHead(long treeSize, ReadOnlySpan<byte> rootHash) =>
        HMACSHA256.HashData(_headKey, TreeHeadBytes(treeSize, rootHash));

    /// <summary>True when <paramref name="mac"/> is this key's <see cref="MacTreeHead"/> of the head (constant-time).</summary>
    public bool VerifyTreeHead(long treeSize, ReadOnlySpan<byte> rootHash, ReadOnlySpan<byte> mac) =>
        CryptographicOperations.FixedTimeEquals(MacTreeHead(treeSize, rootHash), mac);

    private static byte[] TreeHeadBytes(long treeSize, ReadOnlySpan<byte> rootHash) =>
        System.Text.Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"shipgate-audit-head/v1\n{treeSize}\n{Convert.ToHexStringLower(rootHash)}\n"));

    public void Dispose()
    {
        _key.Dispose();
        Verifier.Dispose();
        CryptographicOperations.ZeroMemory(_headKey);
    }
}

/// <summary>Verifies checkpoint signatures with a public key (SubjectPublicKeyInfo PEM).</summary>
public sealed class CheckpointVerifier : IDisposable
{
    private readonly ECDsa _key;

    private CheckpointVerifier(ECDsa key, string keyId)
    {
        _key = key;
        KeyId = keyId;
    }

    /// <summary>Short id of the key: the first 8 bytes of SHA-256 over its SubjectPublicKeyInfo DER, in hex.</summary>
    public string KeyId { get; }

    /// <summary>Reads a P-256 public key from PEM; throws <see cref="FormatException"/> when it is not one.</summary>
    public static CheckpointVerifier FromPublicKeyPem(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new FormatException($"not a PEM EC public key: {ex.Message}", ex);
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new FormatException($"checkpoint keys are ECDSA P-256, found a {key.KeySize}-bit key");
        }

        var keyId = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..8]);
        return new CheckpointVerifier(key, keyId);
    }

    /// <summary>True when the signature over the checkpoint's text is valid for this key.</summary>
    public bool Verify(SignedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return Verify(_key, checkpoint);
    }

    private static bool Verify(ECDsa key, SignedCheckpoint checkpoint)
    {
        try
        {
            return key.VerifyData(checkpoint.Checkpoint.ToSignedBytes(), checkpoint.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Verifies <paramref name="checkpoints"/> in parallel across cores (one key instance per worker) and returns the
    /// index of the first one with an invalid signature, or -1 when all are valid.
    /// </summary>
    public int FirstInvalid(IReadOnlyList<SignedCheckpoint> checkpoints)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        var first = int.MaxValue;
        var spki = _key.ExportSubjectPublicKeyInfo();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, checkpoints.Count, Math.Max(16, checkpoints.Count / (4 * Environment.ProcessorCount))),
            () => Import(spki),
            (range, _, key) =>
            {
                for (var i = range.Item1; i < range.Item2 && i < Volatile.Read(ref first); i++)
                {
                    if (!Verify(key, checkpoints[i]))
                    {
                        InterlockedMin(ref first, i);
                        break;
                    }
                }

                return key;
            },
            key => key.Dispose());
        return first == int.MaxValue ? -1 : first;
    }

    private static ECDsa Import(byte[] spki)
    {
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(spki, out _);
        return key;
    }

    private static void InterlockedMin(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    public void Dispose() => _key.Dispose();
}
