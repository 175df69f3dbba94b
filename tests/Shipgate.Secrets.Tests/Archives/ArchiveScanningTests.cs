using Shipgate.Core;
using Shipgate.Secrets.Archives;
using Shipgate.Secrets.Tests.TestRules;
using static Shipgate.Secrets.Tests.Archives.ArchiveBuilder;

namespace Shipgate.Secrets.Tests.Archives;

public sealed class ArchiveScanningTests
{
    private static readonly SecretsScanner Scanner = new(TestCatalogue.Rules);

    [Theory]
    [InlineData("app.zip")]
    [InlineData("lib/app.jar")]
    [InlineData("pkg/Demo.1.0.0.nupkg")]
    [InlineData("dist/demo-1.0-py3-none-any.whl")]
    public async Task Should_scan_text_entries_of_zip_based_archives(string name)
    {
        // Given an archive with a binary entry and a config file holding a token
        var secret = TestGitHubToken.NewSecret();
        var archive = Zip(("bin/tool.dll", [0x4D, 0x5A, 0, 0, 1]), ("config/app.env", Text("A=1\nTOKEN=" + secret + "\n")));

        // When
        var finding = (await SecretsScannerTests.Scan(Scanner, ScanFile.FromBytes(name, archive))).ShouldHaveSingleItem();

        // Then the location names the entry inside the archive
        finding.Location.ShouldBe(new Location(name + "!config/app.env", 2, 7, 2, 46));
        finding.Properties["archiveEntry"].ShouldBe("config/app.env");
        SecretsScannerTests.ShouldNotLeak(finding, secret);
    }

    [Theory]
    [InlineData("image.tar", false)]
    [InlineData("image.tar.gz", true)]
    [InlineData("image.tgz", true)]
    public async Task Should_scan_tar_archives(string name, bool gzip)
    {
        var secret = TestGitHubToken.NewSecret();
        var archive = Tar(gzip, ("etc/app/config.yml", Text("auth:\n  token: " + secret + "\n")));

        var finding = (await SecretsScannerTests.Scan(Scanner, ScanFile.FromBytes(name, archive))).ShouldHaveSingleItem();

        finding.Location.Path.ShouldBe(name + "!etc/app/config.yml");
        finding.Location.StartLine.ShouldBe(2);
    }

    [Fact]
    public async Task Should_open_an_archive_inside_an_archive_but_not_a_third_level()
    {
        // Given a token at depth 2 (zip in zip) and another at depth 3 (tar.gz in zip in zip)
        var shallow = TestGitHubToken.NewSecret();
        var deep = TestGitHubToken.NewSecret();
        var level3 = Tar(true, ("deep.txt", Text("t " + deep)));
        var level2 = Zip(("secrets.txt", Text("t " + shallow)), ("vendor/deeper.tgz", level3));
        var level1 = Zip(("readme.md", Text("hello")), ("inner.zip", level2));
        var file = ScanFile.FromBytes("outer.zip", level1);

        // When
        var findings = await SecretsScannerTests.Scan(Scanner, file);
        var result = Scanner.ScanArchive(file, SecretsScannerTests.Context("outer.zip"));

        // Then
        findings.ShouldHaveSingleItem().Location.Path.ShouldBe("outer.zip!inner.zip!secrets.txt");
        findings[0].Properties["archiveEntry"].ShouldBe("inner.zip!secrets.txt");
        result.Skipped.ShouldHaveSingleItem().ShouldContain("outer.zip!inner.zip!vendor/deeper.tgz");
        result.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public async Task Should_report_zip_slip_entry_names_safely()
    {
        // Given entries whose names try to escape the extraction directory
        var secret = TestGitHubToken.NewSecret();
        var archive = Zip(("../../../etc/cron.d/evil.txt", Text("a " + secret)), ("/abs/root.txt", Text("b " + secret)), ("C:\\Windows\\x.txt", Text("c " + secret)));

        // When
        var findings = await SecretsScannerTests.Scan(Scanner, ScanFile.FromBytes("upload.zip", archive));

        // Then they are scanned in memory and shown with safe names
        findings.Select(f => f.Location.Path).ShouldBe(["upload.zip!etc/cron.d/evil.txt", "upload.zip!abs/root.txt", "upload.zip!Windows/x.txt"]);
    }

    [Fact]
    public async Task Should_trip_the_bomb_guard_and_keep_what_was_scanned()
    {
        // Given a highly compressed entry next to a normal one
        var secret = TestGitHubToken.NewSecret();
        var archive = Zip(("notes.txt", Text("t " + secret)), ("zeros.bin", new byte[20 * 1024 * 1024]));

        // When
        var error = await Should.ThrowAsync<InputFormatException>(async () => await SecretsScannerTests.Scan(Scanner, ScanFile.FromBytes("bomb.zip", archive)));

        // Then the error names the guard, and the partial result keeps the finding from the safe entry
        error.Message.ShouldContain("archive partially scanned");
        error.Message.ShouldContain("bomb.zip!zeros.bin: compression ratio over 100:1");
        var partial = error.InnerException.ShouldBeOfType<ArchivePartiallyScannedException>().Result;
        partial.Findings.ShouldHaveSingleItem().Location.Path.ShouldBe("bomb.zip!notes.txt");
    }

    [Fact]
    public async Task Should_trip_the_bomb_guard_of_a_gzipped_tar()
    {
        var archive = Tar(true, ("zeros.txt", new byte[30 * 1024 * 1024]));

        var error = await Should.ThrowAsync<InputFormatException>(async () => await SecretsScannerTests.Scan(Scanner, ScanFile.FromBytes("layer.tar.gz", archive)));

        error.Message.ShouldContain("layer.tar.gz!zeros.txt: compression ratio over 100:1");
    }

    [Fact]
    public void Should_trip_the_entry_count_and_total_size_guards()
    {
        // Given limits lower than the archive
        var small = new SecretsScanner(TestCatalogue.Rules, new SecretsScannerOptions
        {
            Archives = new ArchiveLimits { MaxEntries = 5, MaxTotalBytes = 1000, MaxEntryBytes = 300 },
        });
        var many = Zip([.. Enumerable.Range(0, 8).Select(i => ($"f{i}.txt", Text("x")))]);
        var big = Zip(("a.txt", Text(new string('a', 200))), ("b.txt", Text(new string('b', 900))), ("c.txt", Text(new string('c', 300))),
            ("d.txt", Text(new string('d', 300))), ("e.txt", Text(new string('e', 250))));

        // When
        var countResult = small.ScanArchive(ScanFile.FromBytes("many.zip", many), SecretsScannerTests.Context("many.zip"));
        var sizeResult = small.ScanArchive(ScanFile.FromBytes("big.zip", big), SecretsScannerTests.Context("big.zip"));

        // Then
        countResult.GuardTrips.ShouldBe(["many.zip: more than 5 entries; the rest was not scanned"]);
        sizeResult.GuardTrips.ShouldBe([
            "big.zip!b.txt: 900 bytes, over the 300-byte entry limit",
            "big.zip!e.txt: the archive holds more than 1000 uncompressed bytes; the rest was not scanned",
        ]);
    }

    [Fact]
    public async Task Should_report_a_corrupt_archive_as_an_input_error()
    {
        var error = await Should.ThrowAsync<InputFormatException>(async () =>
            await SecretsScannerTests.Scan(Scanner, ScanFile.FromBytes("broken.zip", Text("this is not a zip file at all"))));

        error.Message.ShouldContain("broken.zip: not a readable zip archive");
    }
}
