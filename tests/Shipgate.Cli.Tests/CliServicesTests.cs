using Shipgate.Cli.Tests.Support;
using Shipgate.Core;

namespace Shipgate.Cli.Tests;

/// <summary>Commands build only the scanners they run: start-up is most of a short scan's time.</summary>
public sealed class CliServicesTests : IDisposable
{
    private readonly TempDir dir = new();
    private readonly Dictionary<Category, int> built = [];

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task Version_BuildsNoScanner()
    {
        var run = await RunAsync("version");

        run.ExitCode.ShouldBe(0, run.ToString());
        built.ShouldBeEmpty();
    }

    [Fact]
    public async Task Secrets_BuildsOnlyTheSecretsScanner()
    {
        dir.Write("app.txt", "nothing to see\n");

        var run = await RunAsync("secrets", ".");

        run.ExitCode.ShouldBe(0, run.ToString());
        built.ShouldBe(new Dictionary<Category, int> { [Category.Secrets] = 1 });
    }

    [Fact]
    public async Task ScanOnly_BuildsTheChosenCategories()
    {
        dir.Write("Dockerfile", "FROM alpine:3.20\nUSER app\n");

        var run = await RunAsync("scan", ".", "--only", "docker");

        run.Out.ShouldContain("Dockerfile", Case.Sensitive, run.ToString());
        built.Keys.ShouldBe([Category.Docker]);
        built[Category.Docker].ShouldBe(2); // the Dockerfile and image scanners
    }

    [Fact]
    public async Task Scan_BuildsEachScannerOnce()
    {
        dir.Write("app.txt", "nothing to see\n");

        var run = await RunAsync("scan", ".");

        run.ExitCode.ShouldBe(0, run.ToString());
        built.Values.Sum().ShouldBe(Program.ScannerFactories().Count);
    }

    [Fact]
    public async Task ConfigNamingARule_IsStillCheckedAgainstEveryRule()
    {
        dir.Write(".shipgate.yml", "disable: [DEP001]\n");
        dir.Write("app.txt", "nothing to see\n");

        var known = await RunAsync("secrets", ".");
        known.ExitCode.ShouldBe(0, known.ToString());
        built.Keys.Count.ShouldBe(Enum.GetValues<Category>().Length); // a dependency rule's name is known to a secrets scan

        dir.Write(".shipgate.yml", "disable: [NOPE999]\n");
        var unknown = await RunAsync("secrets", ".");
        unknown.ExitCode.ShouldBe(2, unknown.ToString());
        unknown.Error.ShouldContain("unknown rule 'NOPE999'");
    }

    private Task<CliRun> RunAsync(params string[] args) =>
        CliHarness.RunWithAsync(dir.Path, env => new CliServices(env, Counted(), Program.CurrentTool()), null, args);

    /// <summary>The real scanner factories, counting what each command builds.</summary>
    private List<ScannerFactory> Counted() =>
        [.. Program.ScannerFactories().Select(f => new ScannerFactory(f.Category, () =>
        {
            lock (built)
            {
                built[f.Category] = built.GetValueOrDefault(f.Category) + 1;
            }

            return f.Create();
        }))];
}
