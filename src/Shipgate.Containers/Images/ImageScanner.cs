using System.Text.Json;
using System.Text.Json.Nodes;
using Shipgate.Containers.Images.Packages;
using Shipgate.Containers.Images.Rules;
using Shipgate.Core;

namespace Shipgate.Containers.Images;

/// <summary>
/// The image side of the containers domain: claims only the files the image command makes (nothing found on disk):
/// the config (<see cref="ConfigFile"/>), parsed and checked by the config rules, and the package list
/// (<see cref="PackagesFile"/>), whose packages the vulnerability matcher looks up for the package rules (IMG006).
/// The secrets scanner sees the config too, so secrets in <c>Env</c> or in history commands are reported by the
/// secrets rules. Thread-safe.
/// </summary>
public sealed class ImageScanner : IScanner
{
    /// <summary>The provenance key that marks an image's rendered config.</summary>
    public const string PartKey = "image.part";

    public const string ReferenceKey = "image";

    public const string LayerKey = "image.layer";

    private const string ReferencesKey = "image.references";

    private readonly IReadOnlyList<Rule<ImageConfigDocument>> rules = ImageRules.Create();
    private readonly IReadOnlyList<Rule<ImagePackagesDocument>> packageRules = ImageRules.CreatePackageRules();
    private readonly IImageVulnerabilityMatcher? matcher;

    public ImageScanner()
    {
    }

    /// <summary>A scanner that matches package lists with <paramref name="matcher"/>; the CLI makes one per scan.</summary>
    public ImageScanner(IImageVulnerabilityMatcher? matcher) => this.matcher = matcher;

    public Category Category => Category.Docker;

    public IReadOnlyList<IRule> Rules => [.. rules, .. packageRules];

    public bool Claims(ScanFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Provenance is { } provenance && provenance.TryGetValue(PartKey, out var part) && part is "config" or "packages";
    }

    /// <summary>
    /// The scan input for an image's config: the config rendered as indented JSON (so findings have useful lines),
    /// shown as <c>IMAGE#config</c>, carrying the image's references.
    /// </summary>
    public static ScanFile ConfigFile(ContainerImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var rendered = Render(image.ConfigJson);
        var provenance = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PartKey] = "config",
            [ReferenceKey] = DescribeImage(image),
            [ReferencesKey] = string.Join('\n', image.References),
        };
        var display = image.DisplayName + "#config";
        return ScanFile.FromBytes(display, System.Text.Encoding.UTF8.GetBytes(rendered), display).WithProvenance(provenance);
    }

    /// <summary>
    /// The scan input for an image's packages (OS packages and the language packages the caller found, such as
    /// lockfiles read by the dependencies domain): the image's <c>--list-packages --format json</c> entry, shown as
    /// <c>IMAGE#packages</c>.
    /// </summary>
    public static ScanFile PackagesFile(ContainerImage image, IReadOnlyList<ImagePackage> packages)
    {
        ArgumentNullException.ThrowIfNull(image);
        var rendered = ImagePackageList.Render(ImagePackageList.ToEntry(image, packages, []));
        var provenance = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PartKey] = "packages",
            [ReferenceKey] = DescribeImage(image),
        };
        var display = image.DisplayName + "#packages";
        return ScanFile.FromBytes(display, System.Text.Encoding.UTF8.GetBytes(rendered), display).WithProvenance(provenance);
    }

    /// <summary>The scan input for a text file of the image's final file system, shown as <c>IMAGE!/path</c>.</summary>
    public static ScanFile LayerFile(ContainerImage image, string path)
    {
        ArgumentNullException.ThrowIfNull(image);
        var content = image.Files.TryRead(path) ?? [];
        var display = image.DisplayName + "!/" + path;
        var provenance = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PartKey] = "layer",
            [ReferenceKey] = DescribeImage(image),
        };
        if (image.Files.Find(path) is { } file && file.Layer < image.LayerDigests.Count)
        {
            provenance[LayerKey] = image.LayerDigests[file.Layer];
        }

        return ScanFile.FromBytes(display, content, display).WithProvenance(provenance);
    }

    /// <summary>The first reference, or the image id when the image was saved without a name.</summary>
    public static string DescribeImage(ContainerImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.References.Count > 0 ? image.References[0] : image.ConfigDigest;
    }

    public ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        if (file.Provenance?.GetValueOrDefault(PartKey) == "packages")
        {
            return ScanPackagesAsync(file, context, cancellationToken);
        }

        var text = file.ReadAllText();
        ImageConfig config;
        try
        {
            using var json = JsonDocument.Parse(text);
            config = ImageConfig.Parse(json.RootElement);
        }
        catch (JsonException ex)
        {
            throw new InputFormatException($"invalid image config JSON ({ex.Message.TrimEnd('.')})", (int?)(ex.LineNumber + 1), (int?)(ex.BytePositionInLine + 1));
        }

        var references = file.Provenance?.GetValueOrDefault(ReferencesKey) is { Length: > 0 } joined ? joined.Split('\n') : [];
        var document = new ImageConfigDocument(config, references, text);
        var findings = new List<Finding>();
        foreach (var rule in rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (context.IsEnabled(rule))
            {
                findings.AddRange(rule.Analyze(document, context));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<Finding>>(findings);
    }

    private async ValueTask<IReadOnlyList<Finding>> ScanPackagesAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken)
    {
        if (matcher is null || !packageRules.Any(context.IsEnabled))
        {
            return [];
        }

        var text = file.ReadAllText();
        IReadOnlyList<ImagePackage> packages;
        try
        {
            packages = ImagePackageList.Parse(text).Packages;
        }
        catch (JsonException ex)
        {
            throw new InputFormatException($"invalid image package list ({ex.Message.TrimEnd('.')})", (int?)(ex.LineNumber + 1), (int?)(ex.BytePositionInLine + 1));
        }

        var vulnerabilities = await matcher.MatchAsync(packages, cancellationToken).ConfigureAwait(false);
        var document = new ImagePackagesDocument(file.Provenance?.GetValueOrDefault(ReferenceKey) ?? file.DisplayPath, packages, vulnerabilities, text);
        var findings = new List<Finding>();
        foreach (var rule in packageRules.Where(context.IsEnabled))
        {
            findings.AddRange(rule.Analyze(document, context));
        }

        return findings;
    }

    private static string Render(byte[] json)
    {
        try
        {
            return (JsonNode.Parse(json)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "{}") + "\n";
        }
        catch (JsonException)
        {
            return System.Text.Encoding.UTF8.GetString(json);
        }
    }
}
