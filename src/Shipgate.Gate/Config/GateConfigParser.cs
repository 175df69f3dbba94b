using System.Globalization;
using Shipgate.Gate.Domain;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shipgate.Gate.Config;

/// <summary>
/// Reads <c>gate.yml</c>. Unknown keys and bad values are errors that name the file, line and column. The familiar
/// shape <c>environments: production: requires_approval: true, approvers: [security-team, tech-lead]</c> means one
/// approval from each listed group; <c>approval_rules</c> gives explicit counts.
/// </summary>
public static class GateConfigParser
{
    private const int MaxLength = 1024 * 1024;
    private static readonly string[] EnvironmentKeys =
    [
        "requires_approval", "approvers", "approval_rules", "prevent_self_approval", "allowed_refs", "promotion_from",
        "required_checks", "wait_timer", "approval_expiry", "freeze_windows", "health_check_url", "health_check",
    ];

    public static GateConfig Parse(string yaml, string fileName)
    {
        if (yaml.Length > MaxLength)
        {
            throw new GateConfigException($"{fileName}: the configuration is larger than 1 MiB");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new GateConfigException($"{fileName}:{ex.Start.Line}:{ex.Start.Column}: invalid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return GateConfig.Empty;
        }

        var reader = new Reader(fileName);
        var root = reader.Map(stream.Documents[0].RootNode, "the document");
        reader.OnlyKeys(root, "groups", "environments");

        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (Reader.Get(root, "groups") is { } groupsNode)
        {
            foreach (var (key, value) in reader.Map(groupsNode, "groups").Children)
            {
                groups[reader.Name(key)] = reader.Strings(value, "group members");
            }
        }

        var environments = new Dictionary<string, EnvironmentPolicy>(StringComparer.OrdinalIgnoreCase);
        if (Reader.Get(root, "environments") is { } envNode)
        {
            foreach (var (key, value) in reader.Map(envNode, "environments").Children)
            {
                var name = reader.Name(key);
                environments[name] = ParseEnvironment(reader, name, value);
            }

            foreach (var env in environments.Values)
            {
                if (env.PromotionFrom is { } from && !environments.ContainsKey(from))
                {
                    throw new GateConfigException($"{fileName}: environment '{env.Name}' promotes from unknown environment '{from}'");
                }
            }
        }

        return new GateConfig(groups, environments);
    }

    private static EnvironmentPolicy ParseEnvironment(Reader reader, string name, YamlNode node)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return new EnvironmentPolicy { Name = name };
        }

        var map = reader.Map(node, $"environment '{name}'");
        reader.OnlyKeys(map, EnvironmentKeys);

        var rules = new List<ApprovalRule>();
        if (Reader.Get(map, "approvers") is { } approvers)
        {
            rules.AddRange(reader.Strings(approvers, "approvers").Select(g => new ApprovalRule(g, 1)));
        }

        if (Reader.Get(map, "approval_rules") is YamlNode ruleList)
        {
            foreach (var item in reader.Sequence(ruleList, "approval_rules"))
            {
                var rule = reader.Map(item, "an approval rule");
                reader.OnlyKeys(rule, "group", "count");
                var group = reader.Scalar(Reader.Get(rule, "group") ?? throw reader.Error(item, "an approval rule needs a 'group'"), "group");
                var count = Reader.Get(rule, "count") is { } c ? reader.Int(c, "count", 1, 20) : 1;
                rules.Add(new ApprovalRule(group, count));
            }
        }

        var requiresApproval = Reader.Get(map, "requires_approval") is { } ra && reader.Bool(ra, "requires_approval");
        if (requiresApproval && rules.Count == 0)
        {
            throw reader.Error(map, $"environment '{name}' requires approval but lists no 'approvers' or 'approval_rules'");
        }

        if (!requiresApproval && rules.Count > 0 && Reader.Get(map, "requires_approval") is { } off)
        {
            throw reader.Error(off, $"environment '{name}' lists approvers but sets requires_approval: false");
        }

        if (rules.Sum(r => r.Count) > 50)
        {
            throw reader.Error(map, $"environment '{name}' asks for more than 50 approvals in total");
        }

        var refs = new List<RefPattern>();
        if (Reader.Get(map, "allowed_refs") is { } refNode)
        {
            foreach (var item in reader.Sequence(refNode, "allowed_refs"))
            {
                try
                {
                    refs.Add(RefPattern.Parse(reader.Scalar(item, "a ref pattern")));
                }
                catch (FormatException ex)
                {
                    throw reader.Error(item, ex.Message);
                }
            }
        }

        var freezes = new List<FreezeWindow>();
        if (Reader.Get(map, "freeze_windows") is { } freezeNode)
        {
            foreach (var item in reader.Sequence(freezeNode, "freeze_windows"))
            {
                freezes.Add(ParseFreeze(reader, item, freezes.Count + 1));
            }
        }

        HealthCheck? health = null;
        if (Reader.Get(map, "health_check_url") is { } healthNode)
        {
            if (Reader.Get(map, "health_check") is { } both)
            {
                throw reader.Error(both, $"environment '{name}' has both 'health_check_url' and 'health_check'; use one");
            }

            health = new HealthCheck(HealthUrl(reader, healthNode, "health_check_url"));
        }
        else if (Reader.Get(map, "health_check") is { } checkNode)
        {
            health = ParseHealthCheck(reader, checkNode);
        }

        return new EnvironmentPolicy
        {
            Name = name,
            ApprovalRules = rules,
            PreventSelfApproval = Reader.Get(map, "prevent_self_approval") is not { } psa || reader.Bool(psa, "prevent_self_approval"),
            AllowedRefs = refs,
            PromotionFrom = Reader.Get(map, "promotion_from") is { } pf ? reader.Scalar(pf, "promotion_from") : null,
            RequiredChecks = Reader.Get(map, "required_checks") is { } rc ? reader.Strings(rc, "required_checks") : [],
            WaitTimer = TimeSpan.FromMinutes(Reader.Get(map, "wait_timer") is { } wt ? reader.Int(wt, "wait_timer (minutes)", 0, 43_200) : 0),
            ApprovalExpiry = Reader.Get(map, "approval_expiry") is { } ae ? reader.Duration(ae, "approval_expiry") : TimeSpan.FromDays(30),
            FreezeWindows = freezes,
            HealthCheck = health,
        };
    }

    /// <summary><c>health_check: { url, retries, interval, timeout, expected_status }</c>.</summary>
    private static HealthCheck ParseHealthCheck(Reader reader, YamlNode node)
    {
        var map = reader.Map(node, "health_check");
        reader.OnlyKeys(map, "url", "retries", "interval", "timeout", "expected_status");
        var check = new HealthCheck(HealthUrl(reader, Reader.Get(map, "url") ?? throw reader.Error(map, "health_check needs a 'url'"), "health_check url"));
        if (Reader.Get(map, "retries") is { } retries)
        {
            check = check with { Retries = reader.Int(retries, "retries", 0, HealthCheck.MaxRetries) };
        }

        if (Reader.Get(map, "interval") is { } interval)
        {
            check = check with { Interval = Bounded(reader, interval, "interval", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)) };
        }

        if (Reader.Get(map, "timeout") is { } timeout)
        {
            check = check with { Timeout = Bounded(reader, timeout, "timeout", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)) };
        }

        if (Reader.Get(map, "expected_status") is { } expected)
        {
            var statuses = expected is YamlSequenceNode ? reader.Sequence(expected, "expected_status").ToList() : [expected];
            check = check with { ExpectedStatus = statuses.Select(s => reader.Int(s, "expected_status", 100, 599)).Distinct().ToArray() };
        }

        return check.WorstCase <= HealthCheck.MaxWorstCase
            ? check
            : throw reader.Error(map, $"health_check can take {check.WorstCase.TotalSeconds:0}s ((retries + 1) × timeout + retries × interval); keep it within {HealthCheck.MaxWorstCase.TotalSeconds:0}s");
    }

    private static Uri HealthUrl(Reader reader, YamlNode node, string what)
    {
        var text = reader.Scalar(node, what);
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw reader.Error(node, $"{what} '{text}' is not an http(s) URL");
    }

    private static TimeSpan Bounded(Reader reader, YamlNode node, string what, TimeSpan min, TimeSpan max)
    {
        var value = reader.Duration(node, what);
        return value >= min && value <= max ? value : throw reader.Error(node, $"{what} must be between {min.TotalSeconds:0}s and {max.TotalSeconds:0}s");
    }

    private static FreezeWindow ParseFreeze(Reader reader, YamlNode node, int index)
    {
        var map = reader.Map(node, "a freeze window");
        reader.OnlyKeys(map, "name", "time_zone", "start", "end", "days", "from", "to");
        var name = Reader.Get(map, "name") is { } n ? reader.Scalar(n, "name") : $"freeze-{index}";
        TimeZoneInfo zone = TimeZoneInfo.Utc;
        if (Reader.Get(map, "time_zone") is { } tzNode)
        {
            var id = reader.Scalar(tzNode, "time_zone");
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
            {
                throw reader.Error(tzNode, $"unknown time zone '{id}' (use an IANA name such as Europe/Berlin)");
            }

            zone = found;
        }

        if (Reader.Get(map, "from") is { } fromNode)
        {
            var toNode = Reader.Get(map, "to") ?? throw reader.Error(map, $"freeze window '{name}' has 'from' but no 'to'");
            var from = reader.Instant(fromNode, zone);
            var to = reader.Instant(toNode, zone);
            return to > from ? new OneOffFreeze(name, from, to) : throw reader.Error(toNode, $"freeze window '{name}' ends before it starts");
        }

        var startNode = Reader.Get(map, "start") ?? throw reader.Error(map, $"freeze window '{name}' needs 'start' and 'end' (recurring) or 'from' and 'to' (one-off)");
        var endNode = Reader.Get(map, "end") ?? throw reader.Error(map, $"freeze window '{name}' needs an 'end'");
        var (startDay, start) = reader.DayTime(startNode);
        var (endDay, end) = reader.DayTime(endNode);
        IReadOnlySet<DayOfWeek>? days = startDay is { } d ? new HashSet<DayOfWeek> { d } : null;
        if (Reader.Get(map, "days") is { } daysNode)
        {
            if (startDay is not null)
            {
                throw reader.Error(daysNode, "give either 'days' or a day in 'start', not both");
            }

            days = reader.Strings(daysNode, "days").Select(s => reader.Day(daysNode, s)).ToHashSet();
        }

        return new RecurringFreeze(name, zone, days, start, endDay, end);
    }

    private sealed class Reader(string fileName)
    {
        public GateConfigException Error(YamlNode node, string message) =>
            new($"{fileName}:{node.Start.Line}:{node.Start.Column}: {message}");

        public YamlMappingNode Map(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping");

        public IEnumerable<YamlNode> Sequence(YamlNode node, string what) =>
            node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list");

        public static YamlNode? Get(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public void OnlyKeys(YamlMappingNode map, params string[] keys)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = Name(key);
                if (!keys.Contains(name, StringComparer.Ordinal))
                {
                    throw Error(key, $"unknown key '{name}' (expected one of: {string.Join(", ", keys)})");
                }
            }
        }

        public string Name(YamlNode node) => Scalar(node, "a name") is { Length: > 0 and <= 100 } name && !name.Any(char.IsWhiteSpace)
            ? name
            : throw Error(node, "names must be 1 to 100 characters without spaces");

        public string Scalar(YamlNode node, string what) =>
            node is YamlScalarNode { Value: { } value } ? value : throw Error(node, $"{what} must be a single value");

        public string[] Strings(YamlNode node, string what) => node switch
        {
            YamlSequenceNode seq => seq.Children.Select(c => Scalar(c, what)).ToArray(),
            YamlScalarNode { Value: { Length: > 0 } v } => [v],
            _ => throw Error(node, $"{what} must be a list of values"),
        };

        public bool Bool(YamlNode node, string what) => Scalar(node, what).ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            var other => throw Error(node, $"{what} must be true or false, not '{other}'"),
        };

        public int Int(YamlNode node, string what, int min, int max) =>
            int.TryParse(Scalar(node, what), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw Error(node, $"{what} must be a whole number from {min} to {max}");

        public TimeSpan Duration(YamlNode node, string what)
        {
            var text = Scalar(node, what);
            return GateDuration.TryParse(text, out var value) && value > TimeSpan.Zero && value <= TimeSpan.FromDays(3650)
                ? value
                : throw Error(node, $"{what} '{text}' must be a duration such as 30d, 12h or 90m");
        }

        public DateTimeOffset Instant(YamlNode node, TimeZoneInfo zone)
        {
            var text = Scalar(node, "a date and time");
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
                && (text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
            {
                return withOffset;
            }

            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
                return new DateTimeOffset(local, zone.GetUtcOffset(local));
            }

            throw Error(node, $"'{text}' is not a date and time such as 2026-12-20T00:00 (in the window's time_zone) or 2026-12-20T00:00:00+01:00");
        }

        public (DayOfWeek? Day, TimeOnly Time) DayTime(YamlNode node)
        {
            var text = Scalar(node, "a time");
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            DayOfWeek? day = parts.Length == 2 ? Day(node, parts[0]) : null;
            var timeText = parts.Length is 1 or 2 ? parts[^1] : "";
            return TimeOnly.TryParseExact(timeText, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? (day, time)
                : throw Error(node, $"'{text}' must be a time such as 18:00 or a day and time such as 'fri 18:00'");
        }

        public DayOfWeek Day(YamlNode node, string text) => text.ToLowerInvariant() switch
        {
            "mon" or "monday" => DayOfWeek.Monday,
            "tue" or "tuesday" => DayOfWeek.Tuesday,
            "wed" or "wednesday" => DayOfWeek.Wednesday,
            "thu" or "thursday" => DayOfWeek.Thursday,
            "fri" or "friday" => DayOfWeek.Friday,
            "sat" or "saturday" => DayOfWeek.Saturday,
            "sun" or "sunday" => DayOfWeek.Sunday,
            _ => throw Error(node, $"'{text}' is not a day of the week (mon, tue, … sun)"),
        };
    }
}
