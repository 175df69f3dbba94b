namespace Shipgate.Core.Tests.Engine;

/// <summary>A tiny real scanner for engine tests: reports every occurrence of a word, fingerprinted by the line's content.</summary>
internal sealed class WordScanner(string word, Category category = Category.Iac, Confidence confidence = Confidence.High) : IScanner
{
    public static readonly RuleMetadata Metadata = new("IAM900", "forbidden-word", "Forbidden word", Category.Iac, Severity.High, Confidence.High);

    private readonly WordRule rule = new();

    public Category Category => category;

    public IReadOnlyList<IRule> Rules => [rule];

    public IReadOnlyList<string> InlineAllowMarkers => ["word:allow"];

    public bool Claims(ScanFile file) => !file.IsBinary;

    public ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken)
    {
        var text = file.ReadAllText();
        var lines = new LineIndex(text);
        var found = new List<Finding>();
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var location = lines.Span(context.DisplayPath, at, word.Length);
            found.Add(context.Report(rule, location, $"Found '{word}'.", lines.LineText(location.StartLine), confidence: confidence));
        }

        return ValueTask.FromResult<IReadOnlyList<Finding>>(found);
    }

    private sealed class WordRule : IRule
    {
        public RuleMetadata Metadata => WordScanner.Metadata;
    }
}
