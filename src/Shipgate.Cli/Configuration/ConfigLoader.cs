using System.Globalization;
using Shipgate.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shipgate.Cli.Configuration;

/// <summary>
/// Reads and validates <c>.shipgate.yml</c>. Unknown keys, wrong types and unknown rule names are errors
/// that name the key, the file, the line and the column. Stateless.
/// </summary>
internal static class ConfigLoader
{
    private const long MaxConfigBytes = 1024 * 1024;

    private static readonly string[] TopLevelKeys =
        ["failOn", "minConfidence", "exclude", "maxFileSize", "gitignore", "includeExperimental", "disable", "remap", "ignore", "rules", "baseline", "dependencies"];

    private static readonly string[] DependencyKeys = ["database"];

    /// <summary>
    /// The config at <paramref name="explicitPath"/>, else <c>.shipgate.yml</c> in <paramref name="scanRoot"/>, else empty.
    /// <paramref name="knownRules"/> is asked only when the file names a rule (listing every rule builds every scanner).
    /// </summary>
    public static ShipgateConfig Load(string? explicitPath, string scanRoot, Func<IReadOnlyCollection<RuleMetadata>> knownRules)
    {
        string path;
        if (explicitPath is not null)
        {
            path = explicitPath;
            if (!File.Exists(path))
            {
                throw new ConfigException($"{path}: config file not found");
            }
        }
        else
        {
            path = Path.Combine(scanRoot, ShipgateConfig.FileName);
            if (!File.Exists(path))
            {
                var alternative = Path.Combine(scanRoot, ".shipgate.yaml");
                if (!File.Exists(alternative))
                {
                    return ShipgateConfig.Empty;
                }

                path = alternative;
            }
        }

        if (new FileInfo(path).Length > MaxConfigBytes)
        {
            throw new ConfigException($"{path}: config file is larger than 1 MB");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new ConfigException($"{path}: cannot read config: {ex.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read config: permission denied");
        }

        return Parse(text, Path.GetFullPath(path), knownRules);
    }

    public static ShipgateConfig Parse(string text, string path, Func<IReadOnlyCollection<RuleMetadata>> knownRules)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ConfigException($"{path}:{ex.Start.Line}:{ex.Start.Column}: invalid YAML: {ex.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return ShipgateConfig.Empty with { SourcePath = path };
        }

        var reader = new Reader(path, knownRules);
        return reader.Read(stream.Documents[0].RootNode);
    }

    private sealed class Reader(string path, Func<IReadOnlyCollection<RuleMetadata>> knownRules)
    {
        public ShipgateConfig Read(YamlNode root)
        {
            var map = Mapping(root, "the top level");
            var config = new ShipgateConfig { SourcePath = path };
            foreach (var (keyNode, value) in map.Children)
            {
                var key = Key(keyNode);
                config = key switch
                {
                    "failOn" => config with { FailOn = Enum<Severity>(value, key, EnumNames.TryParseSeverity) },
                    "minConfidence" => config with { MinConfidence = Enum<Confidence>(value, key, EnumNames.TryParseConfidence) },
                    "exclude" => config with { Exclude = GlobList(value, key) },
                    "maxFileSize" => config with { MaxFileSize = Size(value, key) },
                    "gitignore" => config with { GitIgnore = Bool(value, key) },
                    "includeExperimental" => config with { IncludeExperimental = Bool(value, key) },
                    "disable" => config with { Disable = RuleList(value, key) },
                    "remap" => config with { Remap = Remap(value) },
                    "ignore" => config with { Ignore = Ignores(value) },
                    "rules" => config with { RuleOptions = RuleOptions(value) },
                    "baseline" => config with { Baseline = Path.GetFullPath(Scalar(value, key), Path.GetDirectoryName(path)!) },
                    "dependencies" => Dependencies(config, value),
                    _ => throw Error(keyNode, $"unknown key '{key}' (expected one of: {string.Join(", ", TopLevelKeys)})"),
                };
            }

            return config;
        }

        /// <summary>The <c>dependencies</c> section: <c>database</c> (a path relative to the configuration file).</summary>
        private ShipgateConfig Dependencies(ShipgateConfig config, YamlNode node)
        {
            foreach (var (keyNode, value) in Mapping(node, "'dependencies'").Children)
            {
                var key = Key(keyNode);
                config = key switch
                {
                    "database" => config with { OsvDatabase = Path.GetFullPath(Scalar(value, "dependencies.database"), Path.GetDirectoryName(path)!) },
                    _ => throw Error(keyNode, $"unknown key 'dependencies.{key}' (expected one of: {string.Join(", ", DependencyKeys)})"),
                };
            }

            return config;
        }

        private Dictionary<string, Severity> Remap(YamlNode node)
        {
            var result = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
            foreach (var (keyNode, value) in Mapping(node, "'remap'").Children)
            {
                var rule = RuleName(keyNode);
                result[rule] = Enum<Severity>(value, $"remap.{rule}", EnumNames.TryParseSeverity);
            }

            return result;
        }

        private List<IgnoreEntry> Ignores(YamlNode node)
        {
            if (node is not YamlSequenceNode sequence)
            {
                throw Error(node, "'ignore' must be a list of entries with 'rules', 'paths' and 'reason'");
            }

            var result = new List<IgnoreEntry>();
            foreach (var item in sequence)
            {
                var rules = new List<string>();
                var paths = new List<string>();
                string? reason = null;
                foreach (var (keyNode, value) in Mapping(item, "an 'ignore' entry").Children)
                {
                    var key = Key(keyNode);
                    switch (key)
                    {
                        case "rule":
                        case "rules":
                            rules.AddRange(RuleList(value, $"ignore.{key}"));
                            break;
                        case "path":
                        case "paths":
                            paths.AddRange(GlobList(value, $"ignore.{key}"));
                            break;
                        case "reason":
                            reason = Scalar(value, "ignore.reason");
                            break;
                        default:
                            throw Error(keyNode, $"unknown key '{key}' in an 'ignore' entry (expected rules, paths, reason)");
                    }
                }

                if (rules.Count == 0 && paths.Count == 0)
                {
                    throw Error(item, "an 'ignore' entry needs 'rules' or 'paths'");
                }

                result.Add(new IgnoreEntry(rules, paths, reason ?? "ignored in " + Path.GetFileName(path)));
            }

            return result;
        }

        private Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> RuleOptions(YamlNode node)
        {
            var result = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.OrdinalIgnoreCase);
            foreach (var (keyNode, value) in Mapping(node, "'rules'").Children)
            {
                var rule = RuleName(keyNode);
                var options = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
                foreach (var (optionKey, optionValue) in Mapping(value, $"'rules.{rule}'").Children)
                {
                    var name = Key(optionKey);
                    options[name] = optionValue is YamlSequenceNode ? StringList(optionValue, $"rules.{rule}.{name}") : [Scalar(optionValue, $"rules.{rule}.{name}")];
                }

                result[rule] = options;
            }

            return result;
        }

        private List<string> GlobList(YamlNode node, string key)
        {
            var list = StringList(node, key);
            for (var i = 0; i < list.Count; i++)
            {
                if (!Glob.TryCompile(list[i], ignoreCase: false, out _, out var error))
                {
                    var at = node is YamlSequenceNode sequence ? sequence.Children[i] : node;
                    throw Error(at, $"invalid glob '{list[i]}' in '{key}': {error}");
                }
            }

            return list;
        }

        private List<string> RuleList(YamlNode node, string key)
        {
            var list = StringList(node, key);
            var index = 0;
            foreach (var name in list)
            {
                if (!IsKnownRule(name))
                {
                    var at = node is YamlSequenceNode sequence ? sequence.Children[index] : node;
                    throw Error(at, $"unknown rule '{name}' in '{key}' (see 'shipgate rules list')");
                }

                index++;
            }

            return list;
        }

        private string RuleName(YamlNode keyNode)
        {
            var name = Key(keyNode);
            return IsKnownRule(name) ? name : throw Error(keyNode, $"unknown rule '{name}' (see 'shipgate rules list')");
        }

        private bool IsKnownRule(string name) => knownRules().Any(r =>
            r.Id.Equals(name, StringComparison.OrdinalIgnoreCase) || r.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

        private T Enum<T>(YamlNode node, string key, TryParser<T> parse)
            where T : struct, System.Enum
        {
            var text = Scalar(node, key);
            return parse(text, out var value)
                ? value
                : throw Error(node, $"'{key}' must be one of {string.Join(", ", EnumNames.WireNames<T>())}, not '{text}'");
        }

        private bool Bool(YamlNode node, string key)
        {
            var text = Scalar(node, key);
            return text.ToLowerInvariant() switch
            {
                "true" or "yes" or "on" => true,
                "false" or "no" or "off" => false,
                _ => throw Error(node, $"'{key}' must be true or false, not '{text}'"),
            };
        }

        private long Size(YamlNode node, string key)
        {
            var text = Scalar(node, key).Trim();
            var multiplier = 1L;
            foreach (var (suffix, factor) in new[] { ("KB", 1024L), ("MB", 1024L * 1024), ("GB", 1024L * 1024 * 1024), ("B", 1L) })
            {
                if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    multiplier = factor;
                    text = text[..^suffix.Length].Trim();
                    break;
                }
            }

            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
                ? number * multiplier
                : throw Error(node, $"'{key}' must be a positive size such as 25MB or 1048576");
        }

        private List<string> StringList(YamlNode node, string key) => node switch
        {
            YamlSequenceNode sequence => sequence.Children.Select(c => Scalar(c, key)).ToList(),
            YamlScalarNode => [Scalar(node, key)],
            _ => throw Error(node, $"'{key}' must be a list of strings"),
        };

        private string Scalar(YamlNode node, string key) =>
            node is YamlScalarNode { Value: { } value } ? value : throw Error(node, $"'{key}' must be a string, not a {Describe(node)}");

        private string Key(YamlNode node) =>
            node is YamlScalarNode { Value: { } value } ? value : throw Error(node, "keys must be plain strings");

        private YamlMappingNode Mapping(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping, not a {Describe(node)}");

        private ConfigException Error(YamlNode node, string message) =>
            new($"{path}:{node.Start.Line}:{node.Start.Column}: {message}");

        private static string Describe(YamlNode node) => node switch
        {
            YamlMappingNode => "mapping",
            YamlSequenceNode => "list",
            _ => "scalar",
        };
    }

    private delegate bool TryParser<T>(string text, out T value);
}
