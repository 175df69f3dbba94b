namespace Shipgate.Core.Tests.Engine;

public sealed class ScanEngineTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "shipgate-core-" + Guid.NewGuid().ToString("n")[..10]);

    public ScanEngineTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task RunAsync_FindingsAreSortedAndCounted()
    {
        Write("b.txt", "x BAD\nBAD\n");
        Write("a.txt", "BAD\n");

        var result = await Run(new ScanOptions());

        result.Findings.Select(f => $"{f.Location.Path}:{f.Location.StartLine}:{f.Location.StartColumn}")
            .ShouldBe(["a.txt:1:1", "b.txt:1:3", "b.txt:2:1"]);
        result.FilesScanned.ShouldBe(2);
        result.Summary.BySeverity[Severity.High].ShouldBe(3);
        result.FailsThreshold.ShouldBeTrue();
    }

    [Fact]
    public async Task RunAsync_FingerprintIgnoresLineNumbers()
    {
        Write("a.txt", "BAD value\n");
        var before = (await Run(new ScanOptions())).Findings.Single();

        Write("a.txt", "\n\n\n   BAD value\n");
        var after = (await Run(new ScanOptions())).Findings.Single();

        after.Location.StartLine.ShouldBe(4);
        after.Fingerprint.ShouldBe(before.Fingerprint);
    }

    [Fact]
    public async Task RunAsync_FingerprintDiffersByPathAndContent()
    {
        Write("a.txt", "BAD one\n");
        Write("b.txt", "BAD one\n");
        Write("c.txt", "BAD two\n");
        var prints = (await Run(new ScanOptions())).Findings.Select(f => f.Fingerprint).ToList();
        prints.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task RunAsync_BaselineSuppressesKnownFindingsOnly()
    {
        Write("a.txt", "BAD one\n");
        var first = await Run(new ScanOptions());
        var baseline = Baseline.FromFindings(first.Findings);

        Write("a.txt", "BAD one\nBAD two\n");
        var second = await Run(new ScanOptions { Baseline = baseline });

        second.Findings.Single().Location.StartLine.ShouldBe(2);
        second.Suppressed.Single().Kind.ShouldBe(SuppressionKind.Baseline);
    }

    [Fact]
    public async Task RunAsync_InlineMarkers_OfEngineAndScanner()
    {
        Write("a.txt", "BAD # shipgate:ignore[forbidden-word] known\nBAD word:allow\nBAD\n");
        var result = await Run(new ScanOptions());
        result.Findings.Single().Location.StartLine.ShouldBe(3);
        result.Suppressed.Select(s => s.Reason).ShouldBe(["known", "inline 'word:allow'"]);

        var strict = await Run(new ScanOptions { IgnoreInlineSuppressions = true });
        strict.Findings.Count.ShouldBe(3);
    }

    [Fact]
    public async Task RunAsync_ConfigIgnoreEntry_MatchesRuleAndPath()
    {
        Write("keep/a.txt", "BAD\n");
        Write("skip/a.txt", "BAD\n");
        var options = new ScanOptions { Ignores = [new IgnoreEntry(["IAM900"], ["skip/**"], "generated")] };

        var result = await Run(options);

        result.Findings.Single().Location.Path.ShouldBe("keep/a.txt");
        result.Suppressed.Single().Reason.ShouldBe("generated");
        result.Summary.SuppressedByKind[SuppressionKind.Config].ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_DisabledRuleAndConfidenceFloor()
    {
        Write("a.txt", "BAD\n");
        (await Run(new ScanOptions { Rules = new RuleSettings(disabled: ["IAM900"]) })).Findings.ShouldBeEmpty();
        (await Run(new ScanOptions { Rules = new RuleSettings(disabled: ["forbidden-word"]) })).Findings.ShouldBeEmpty();

        var lowConfidence = new WordScanner("BAD", confidence: Confidence.Low);
        (await Run(new ScanOptions { MinConfidence = Confidence.Medium }, lowConfidence)).Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_SeverityRemap_AppliesToFindingsAndThreshold()
    {
        Write("a.txt", "BAD\n");
        var options = new ScanOptions { Rules = new RuleSettings(severityRemap: new Dictionary<string, Severity> { ["IAM900"] = Severity.Low }) };
        var result = await Run(options);
        result.Findings.Single().Severity.ShouldBe(Severity.Low);
        result.FailsThreshold.ShouldBeFalse();
    }

    [Fact]
    public async Task RunAsync_OnlyFiltersScannersByCategory()
    {
        Write("a.txt", "BAD\n");
        (await Run(new ScanOptions { Only = new HashSet<Category> { Category.Secrets } })).Findings.ShouldBeEmpty();
        (await Run(new ScanOptions { Only = new HashSet<Category> { Category.Iac } })).Findings.Count.ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_ParseErrorBecomesAnErrorEntryWithPosition()
    {
        Write("bad.txt", "x\n");
        Write("good.txt", "BAD\n");
        var result = await Run(new ScanOptions(), new WordScanner("BAD"), new ThrowingScanner());

        var error = result.Errors.Single();
        error.ToString().ShouldBe("bad.txt:3:7: unexpected token");
        result.Findings.Single().Location.Path.ShouldBe("good.txt");
    }

    [Fact]
    public async Task RunAsync_DiscoveryErrorsAndSkippedFiles_JoinTheScanErrorsInOrder()
    {
        // Given a missing target, a file over the size cap and a file the scanner cannot parse
        Write("bad.txt", "x\n");
        Write("big.txt", new string('B', 100));
        Write("good.txt", "BAD\n");
        var engine = new ScanEngine([new WordScanner("BAD"), new ThrowingScanner()], new ToolInfo("shipgate", "test"), TimeProvider.System);

        // When
        var result = await engine.RunAsync(new ScanOptions { Targets = ["zzz-missing", ".", "a-missing"], WorkingDirectory = root, MaxFileSize = 50 });

        // Then every problem is reported, sorted by path, and the good file was still scanned
        result.Errors.Select(e => e.Path).ShouldBe(["a-missing", "bad.txt", "zzz-missing"]);
        result.Skipped.Single().Path.ShouldBe("big.txt");
        result.Findings.Single().Location.Path.ShouldBe("good.txt");
        result.FilesScanned.ShouldBe(2);
    }

    [Fact]
    public async Task RunAsync_ManyFiles_ScansEachOnceAndReportsProgressUpToTheTotal()
    {
        for (var i = 0; i < 300; i++)
        {
            Write($"d{i % 7}/f{i}.txt", i % 3 == 0 ? "BAD\n" : "fine\n");
        }

        var reports = new List<ScanProgress>();
        var progress = new SynchronousProgress(reports);
        var result = await Run(new ScanOptions { Progress = progress, Threads = 4 });

        result.FilesScanned.ShouldBe(300);
        result.Findings.Count.ShouldBe(100);
        result.Findings.Select(f => f.Location.Path).Distinct().Count().ShouldBe(100);
        reports.Count.ShouldBe(300);
        reports.ShouldAllBe(r => r.FilesDone <= r.FilesTotal && r.FilesTotal <= 300);
        reports.Max(r => r.FilesDone).ShouldBe(300);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsWithoutHanging()
    {
        for (var i = 0; i < 50; i++)
        {
            Write($"f{i}.txt", "BAD\n");
        }

        using var cancel = new CancellationTokenSource();
        var engine = new ScanEngine([new CancellingScanner(cancel)], new ToolInfo("shipgate", "test"), TimeProvider.System);

        await Should.ThrowAsync<OperationCanceledException>(() => engine.RunAsync(new ScanOptions { Targets = ["."], WorkingDirectory = root }, cancel.Token));
    }

    [Fact]
    public async Task RunAsync_ExperimentalRulesOnlyWhenAsked()
    {
        Write("a.txt", "BAD\n");
        var experimental = new ExperimentalScanner();
        (await Run(new ScanOptions(), experimental)).Findings.ShouldBeEmpty();
        (await Run(new ScanOptions { Rules = new RuleSettings(includeExperimental: true) }, experimental)).Findings.Count.ShouldBe(1);
    }

    private async Task<ScanResult> Run(ScanOptions options, params IScanner[] scanners)
    {
        var engine = new ScanEngine(scanners.Length == 0 ? [new WordScanner("BAD")] : scanners, new ToolInfo("shipgate", "test"), TimeProvider.System);
        return await engine.RunAsync(options with { Targets = ["."], WorkingDirectory = root });
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public async Task RunAsync_PartialErrorsKeepTheFindingsOfTheSameFile()
    {
        // Given a scanner that finds something in a file and also reports a malformed part of it
        Write("mixed.txt", "BAD\n");
        var result = await Run(new ScanOptions(), new PartlyBrokenScanner(new WordScanner("BAD")));

        // Then the finding and the positioned error are both in the result
        result.Findings.Single().Location.Path.ShouldBe("mixed.txt");
        result.Errors.Single().ToString().ShouldBe("mixed.txt:9:2: invalid document");
        result.FilesScanned.ShouldBe(1);
    }

    /// <summary>Records reports as they come (<see cref="Progress{T}"/> would post them later, on the thread pool).</summary>
    private sealed class SynchronousProgress(List<ScanProgress> reports) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }

    /// <summary>Cancels the scan from inside the first file it sees, as a user's Ctrl+C would mid-scan.</summary>
    private sealed class CancellingScanner(CancellationTokenSource cancel) : IScanner
    {
        private readonly WordScanner inner = new("BAD");

        public Category Category => inner.Category;

        public IReadOnlyList<IRule> Rules => inner.Rules;

        public bool Claims(ScanFile file) => true;

        public ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken)
        {
            cancel.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            return inner.ScanAsync(file, context, cancellationToken);
        }
    }

    private sealed class PartlyBrokenScanner(WordScanner inner) : IScanner
    {
        public Category Category => inner.Category;

        public IReadOnlyList<IRule> Rules => inner.Rules;

        public bool Claims(ScanFile file) => inner.Claims(file);

        public ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken)
        {
            context.ReportError(new InputFormatException("invalid document", 9, 2));
            return inner.ScanAsync(file, context, cancellationToken);
        }
    }

    private sealed class ThrowingScanner : IScanner
    {
        public Category Category => Category.Docker;

        public IReadOnlyList<IRule> Rules => [];

        public bool Claims(ScanFile file) => file.Name == "bad.txt";

        public ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken) =>
            throw new InputFormatException("unexpected token", 3, 7);
    }

    private sealed class ExperimentalScanner : IScanner
    {
        private static readonly RuleMetadata Meta = new("DKR900", "new-thing", "New thing", Category.Docker, Severity.High, Confidence.High, RuleStatus.Experimental);

        public Category Category => Category.Docker;

        public IReadOnlyList<IRule> Rules => [new Rule()];

        public bool Claims(ScanFile file) => true;

        public ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<Finding>>([context.Report(new Rule(), Location.File(context.DisplayPath), "New.", "x")]);

        private sealed class Rule : IRule
        {
            public RuleMetadata Metadata => Meta;
        }
    }
}
