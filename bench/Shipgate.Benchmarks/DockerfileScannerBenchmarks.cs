using System.Text;
using BenchmarkDotNet.Attributes;
using Shipgate.Containers;
using Shipgate.Core;

namespace Shipgate.Benchmarks;

/// <summary>
/// Parse and analyse 1,000 realistic multi-stage Dockerfiles with every DKR rule (the bar: under one second
/// after start-up). Each file is a fresh <see cref="ScanFile"/>, so parsing is measured, not cached.
/// </summary>
[MemoryDiagnoser]
public class DockerfileScannerBenchmarks
{
    private const string Text =
        "ARG NODE=20.15\nFROM node:${NODE}-slim AS build\nWORKDIR /src\nCOPY package*.json ./\nRUN npm ci && npm cache clean --force\nCOPY . .\nRUN npm run build\n" +
        "FROM debian:12.6-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates=20230311 curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n" +
        "COPY --from=build /src/dist /app\nUSER 10001\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]\nENTRYPOINT [\"/app/server\"]\n";

    private readonly DockerfileScanner scanner = new();
    private readonly RuleContext context = new("Dockerfile", "Dockerfile", RuleSettings.Default);
    private readonly byte[] content = Encoding.UTF8.GetBytes(Text);

    [Benchmark(Description = "1,000 Dockerfiles")]
    public async Task<int> ThousandDockerfiles()
    {
        var findings = 0;
        for (var i = 0; i < 1000; i++)
        {
            findings += (await scanner.ScanAsync(ScanFile.FromBytes("Dockerfile", content), context, CancellationToken.None)).Count;
        }

        return findings;
    }
}
