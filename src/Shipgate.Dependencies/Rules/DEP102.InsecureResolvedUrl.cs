using Shipgate.Core;
using Shipgate.Dependencies.Json;

namespace Shipgate.Dependencies.Rules;

/// <summary>
/// A package the lockfile resolves over plain HTTP, or a package index configured over plain HTTP (requirements
/// <c>--index-url</c>/<c>--extra-index-url</c>/<c>--find-links</c>, Pipfile.lock sources).
/// </summary>
internal sealed class InsecureResolvedUrl : DependencyRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DEP102", "insecure-resolved-url", "Package is downloaded over plain HTTP",
        Severity.High, Confidence.High,
        ["lockfile-lint:validate-https"],
        "The lockfile says a package is fetched from an http:// URL, or a requirements file or Pipfile.lock points pip at an http:// package index. Anyone on the network path (a café Wi-Fi, a compromised proxy, a CI provider's network) can then replace the package with their own code; integrity hashes only help if they were recorded over a trusted channel and are checked on every install.",
        "Use the registry's https:// URL (configure the registry or index URL with https, then regenerate the lockfile); for a private mirror, enable TLS on it.",
        tags: ["supply-chain", "tls"]);

    public override IEnumerable<Finding> Analyze(DependencyDocument document, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var package in document.Packages)
        {
            if (Registries.HttpUrl(package.Resolved) is { Scheme: "http" } url && !Registries.IsLoopback(url))
            {
                yield return Report(context, document, package,
                    $"'{package.Name}' is resolved from '{Clip(url.ToString())}' over plain HTTP.", url.Host);
            }
        }

        switch (document.Format?.Name)
        {
            case "requirements.txt":
                for (var line = 1; line <= document.LineCount; line++)
                {
                    var text = document.Line(line).Trim();
                    if (IndexOption(text) is { } option && Registries.HttpUrl(option.Url) is { Scheme: "http" } index && !Registries.IsLoopback(index))
                    {
                        yield return Report(context, document, line, $"{option.Name} points pip at '{Clip(index.ToString())}' over plain HTTP.", index.Host, narrowTo: option.Url);
                    }
                }

                break;
            case "Pipfile.lock":
                var root = PositionedJson.Parse(document.Text);
                foreach (var source in root["_meta"]?["sources"]?.Items ?? [])
                {
                    if (Registries.HttpUrl(source.String("url")) is { Scheme: "http" } index && !Registries.IsLoopback(index))
                    {
                        yield return Report(context, document, document.FindLine(source.String("url")!, source.Line) ?? source.Line,
                            $"The package source '{source.String("name") ?? "?"}' is '{Clip(index.ToString())}', plain HTTP.", index.Host, narrowTo: source.String("url"));
                    }
                }

                break;
        }
    }

    private static (string Name, string Url)? IndexOption(string line)
    {
        foreach (var name in new[] { "--index-url", "--extra-index-url", "--find-links", "-i", "-f" })
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal) || line.StartsWith(name + "=", StringComparison.Ordinal))
            {
                var value = line[name.Length..].TrimStart(' ', '=').Split(' ', 2)[0];
                return (name, value);
            }
        }

        return null;
    }
}
