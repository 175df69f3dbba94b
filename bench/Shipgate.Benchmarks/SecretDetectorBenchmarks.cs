using System.Text;
using BenchmarkDotNet.Attributes;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;

namespace Shipgate.Benchmarks;

/// <summary>
/// Throughput of the secret detector over source-like text with the full rule catalogue: how many MB/s
/// one core scans. The text is generated (deterministic seed) with near-miss keywords and a few planted secrets.
/// </summary>
[MemoryDiagnoser]
public class SecretDetectorBenchmarks
{
    private SecretDetector detector = null!;
    private string text = "";

    [Params(1, 8)]
    public int MegaBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        detector = new SecretDetector(SecretRuleCatalog.Create());
        var random = new Random(7);
        var words = "config user value token request response handler client secret password key github slack stripe aws azure session".Split(' ');
        var builder = new StringBuilder(MegaBytes * 1024 * 1024);
        var lines = 0;
        while (builder.Length < MegaBytes * 1024 * 1024)
        {
            lines++;
            if (lines % 5000 == 0)
            {
                builder.Append("    stripe_key = \"sk_live_").Append(Samples.AlphaNumeric(32)).Append("\"\n");
                continue;
            }

            builder.Append("    ").Append(words[random.Next(words.Length)]).Append('_').Append(words[random.Next(words.Length)])
                .Append(" = ").Append(words[random.Next(words.Length)]).Append(".get(\"").Append(words[random.Next(words.Length)])
                .Append("\", ").Append(random.Next(10000)).Append(")\n");
        }

        text = builder.ToString();
    }

    [Benchmark]
    public int Detect() => detector.Detect(text).Count;
}
