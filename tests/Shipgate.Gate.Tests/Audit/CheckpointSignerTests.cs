using System.Security.Cryptography;
using Shipgate.Gate.Audit;

namespace Shipgate.Gate.Tests.Audit;

public sealed class CheckpointSignerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("shipgate-signer-").FullName;

    private static Checkpoint Sample => new(42, SHA256.HashData("root"u8), new DateTimeOffset(2026, 10, 25, 1, 30, 0, 123, TimeSpan.FromHours(2)));

    [Fact]
    public void First_start_creates_an_owner_only_pkcs8_key_and_later_starts_load_it()
    {
        var data = Path.Combine(_directory, "data");
        using var first = CheckpointSigner.LoadOrCreate(data);
        var path = Path.Combine(data, CheckpointSigner.KeyFileName);
        File.ReadAllText(path).ShouldStartWith("-----BEGIN PRIVATE KEY-----");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using var second = CheckpointSigner.LoadOrCreate(data);
        second.KeyId.ShouldBe(first.KeyId);
        second.ExportPublicKeyPem().ShouldBe(first.ExportPublicKeyPem());
        first.ExportPublicKeyPem().ShouldStartWith("-----BEGIN PUBLIC KEY-----");
        second.Verify(first.Sign(Sample)).ShouldBeTrue();
    }

    [Fact]
    public void Tree_head_macs_are_bound_to_the_key_the_size_and_the_root()
    {
        var data = Path.Combine(_directory, "data");
        using var first = CheckpointSigner.LoadOrCreate(data);
        using var reloaded = CheckpointSigner.LoadOrCreate(data);
        using var other = CheckpointSigner.CreateEphemeral();
        var root = SHA256.HashData("root"u8);
        var mac = first.MacTreeHead(42, root);
        mac.Length.ShouldBe(32);
        reloaded.VerifyTreeHead(42, root, mac).ShouldBeTrue("replicas sharing the key file share the MAC key");
        other.VerifyTreeHead(42, root, mac).ShouldBeFalse();
        first.VerifyTreeHead(43, root, mac).ShouldBeFalse();
        first.VerifyTreeHead(42, SHA256.HashData("other"u8), mac).ShouldBeFalse();
    }

    [Fact]
    public void A_key_readable_by_others_is_refused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using (CheckpointSigner.LoadOrCreate(_directory))
        {
        }

        var path = Path.Combine(_directory, CheckpointSigner.KeyFileName);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Should.Throw<InvalidOperationException>(() => CheckpointSigner.LoadOrCreate(_directory)).Message.ShouldContain("chmod 600");
    }

    [Fact]
    public void A_key_that_is_not_p256_is_refused()
    {
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(_directory, CheckpointSigner.KeyFileName);
        File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Should.Throw<InvalidOperationException>(() => CheckpointSigner.LoadOrCreate(_directory));
    }

    [Fact]
    public void Signed_text_is_the_documented_four_lines()
    {
        Sample.ToSignedText().ShouldBe(
            "shipgate-audit-checkpoint/v1\n42\n" + Convert.ToHexStringLower(SHA256.HashData("root"u8)) + "\n2026-10-24T23:30:00.123Z\n");
    }

    [Fact]
    public void Any_change_to_a_signed_checkpoint_breaks_the_signature()
    {
        using var signer = CheckpointSigner.CreateEphemeral();
        using var other = CheckpointSigner.CreateEphemeral();
        var signed = signer.Sign(Sample);
        signer.Verify(signed).ShouldBeTrue();
        using var fromPem = CheckpointVerifier.FromPublicKeyPem(signer.ExportPublicKeyPem());
        fromPem.Verify(signed).ShouldBeTrue();
        fromPem.KeyId.ShouldBe(signer.KeyId);

        signer.Verify(signed with { Checkpoint = Sample with { TreeSize = 43 } }).ShouldBeFalse();
        signer.Verify(signed with { Checkpoint = Sample with { RootHash = SHA256.HashData("other"u8) } }).ShouldBeFalse();
        signer.Verify(signed with { Checkpoint = Sample with { Timestamp = Sample.Timestamp.AddMilliseconds(1) } }).ShouldBeFalse();
        var flipped = (byte[])signed.Signature.Clone();
        flipped[^1] ^= 1;
        signer.Verify(signed with { Signature = flipped }).ShouldBeFalse();
        signer.Verify(signed with { Signature = [1, 2, 3] }).ShouldBeFalse();
        other.Verify(signed).ShouldBeFalse();
    }

    [Fact]
    public void Checkpoint_json_round_trips()
    {
        using var signer = CheckpointSigner.CreateEphemeral();
        var signed = signer.Sign(Sample);
        var json = AuditExportWriter.CheckpointJson(signed);
        var back = AuditVerifier.ReadCheckpointFile(System.Text.Encoding.UTF8.GetBytes(json));
        back.Checkpoint.SameTree(signed.Checkpoint).ShouldBeTrue();
        signer.Verify(back).ShouldBeTrue();
        Should.Throw<AuditExportFormatException>(() => AuditVerifier.ReadCheckpointFile("{\"treeSize\":1}"u8));
        Should.Throw<AuditExportFormatException>(() => AuditVerifier.ReadCheckpointFile("not json"u8));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
