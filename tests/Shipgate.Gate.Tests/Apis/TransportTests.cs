namespace Shipgate.Gate.Tests.Apis;

public class TransportTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://10.1.2.3:8080")]
    [InlineData("http://+:8080")]
    public void Should_refuse_plain_http_on_a_non_loopback_address(string url)
    {
        var error = Should.Throw<ArgumentException>(() => GateApp.Build(new GateOptions { DataDirectory = Path.GetTempPath(), Urls = [url] }));

        error.Message.ShouldContain("--insecure-http");
    }

    [Fact]
    public void Should_need_a_certificate_for_https()
    {
        Should.Throw<ArgumentException>(() => GateApp.Build(new GateOptions { DataDirectory = Path.GetTempPath(), Urls = ["https://127.0.0.1:8443"] }))
            .Message.ShouldContain("--tls-cert");
    }

    [Fact]
    public async Task Should_allow_plain_http_on_non_loopback_when_asked_explicitly()
    {
        var directory = Path.Combine(Path.GetTempPath(), "shipgate-transport-" + Guid.NewGuid().ToString("N")[..8]);
        await using var app = GateApp.Build(new GateOptions { DataDirectory = directory, Urls = ["http://0.0.0.0:0"], InsecureHttp = true });

        app.ShouldNotBeNull();
        Directory.Delete(directory, recursive: true);
    }
}
