using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Tests;

[CollectionDefinition(nameof(ScannerSpeedTests), DisableParallelization = true)]
public sealed class ScannerSpeedGroup;

/// <summary>The speed bar from the issue: 1,000 Dockerfiles in under a second after start-up. Runs alone.</summary>
[Collection(nameof(ScannerSpeedTests))]
public sealed class ScannerSpeedTests
{
    [Fact]
    public void Scans_a_thousand_files_quickly()
    {
        // Given a realistic multi-stage Dockerfile
        const string text = "ARG NODE=20.15\nFROM node:${NODE}-slim AS build\nWORKDIR /src\nCOPY package*.json ./\nRUN npm ci && npm cache clean --force\nCOPY . .\nRUN npm run build\n" +
            "FROM debian:12.6-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates=20230311 curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n" +
            "COPY --from=build /src/dist /app\nUSER 10001\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]\nENTRYPOINT [\"/app/server\"]\n";
        var scanner = new DockerfileScanner();
        var context = new RuleContext("Dockerfile", "Dockerfile", RuleSettings.Default);
        for (var i = 0; i < 3000; i++)
        {
            scanner.Scan(DockerfileParser.Parse(text), context);
        }

        // When a thousand are parsed and analysed (CPU time, so a busy machine does not skew it)
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        for (var i = 0; i < 1000; i++)
        {
            scanner.Scan(DockerfileParser.Parse(text), context);
        }

        // Then it takes under a second
        process.Refresh();
        (process.TotalProcessorTime - before).ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

}
