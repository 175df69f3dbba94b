namespace Shipgate.Containers.Images.Rules;

/// <summary>
/// What the image rules analyse: the parsed config, the names the image was saved under, and the config rendered
/// as indented JSON (the text findings point into). Immutable.
/// </summary>
public sealed class ImageConfigDocument
{
    private readonly string[] lines;

    public ImageConfigDocument(ImageConfig config, IReadOnlyList<string> references, string renderedConfig)
    {
        ArgumentNullException.ThrowIfNull(renderedConfig);
        Config = config;
        References = references;
        RenderedConfig = renderedConfig;
        lines = renderedConfig.Split('\n');
    }

    public ImageConfig Config { get; }

    public IReadOnlyList<string> References { get; }

    public string RenderedConfig { get; }

    /// <summary>The 1-based line of the first line containing <paramref name="text"/> inside the <c>config</c> object, else 1.</summary>
    public int LineOf(string text)
    {
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith("\"config\":", StringComparison.Ordinal));
        for (var i = Math.Max(start, 0); i < lines.Length; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 1;
    }
}
