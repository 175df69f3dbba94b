using System.Text;
using Shipgate.Core;
using Shipgate.Secrets.Sources;
using Shipgate.Secrets.Tests.TestRules;

namespace Shipgate.Secrets.Tests.Sources;

public sealed class StdinSourceTests
{
    private static readonly SecretsScanner Scanner = new(TestCatalogue.Rules);

    [Fact]
    public void Should_stream_the_input_as_stdin()
    {
        // Given piped content longer than one detector chunk
        var secret = TestGitHubToken.NewSecret();
        var text = string.Concat(Enumerable.Repeat("log line without secrets\n", 100_000)) + "leaked " + secret + "\n";
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(text));

        // When
        var finding = new StdinSource(input).Scan(Scanner, RuleSettings.Default).ToList().ShouldHaveSingleItem();

        // Then
        finding.Location.ShouldBe(new Location("<stdin>", 100_001, 8, 100_001, 47));
    }

    [Fact]
    public async Task Should_buffer_the_input_into_one_file_for_the_engine_path()
    {
        var secret = TestGitHubToken.NewSecret();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("x " + secret));

        var file = new StdinSource(input).Files().ShouldHaveSingleItem();

        file.DisplayPath.ShouldBe("<stdin>");
        (await SecretsScannerTests.Scan(Scanner, file)).ShouldHaveSingleItem();
        Should.Throw<InputFormatException>(() => new StdinSource(new MemoryStream(new byte[100]), maxBufferedBytes: 10).Files());
    }
}
