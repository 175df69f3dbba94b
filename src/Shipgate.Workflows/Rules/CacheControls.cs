using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>Whether a cache-aware step restores from the cache.</summary>
internal enum CacheUse
{
    None,
    Enabled,
    Conditional,
}

/// <summary>
/// How popular setup actions turn their cache on or off (opt-in inputs, opt-out inputs, defaults),
/// and which steps publish artifacts. Curated from each action's documented inputs.
/// </summary>
internal static class CacheControls
{
    private static readonly (string Action, Func<JobStep, CacheUse> Use)[] CacheAware =
    [
        ("actions/cache", s => OptOutBool(s, "lookup-only", true)),
        ("actions/cache/restore", s => CacheUse.Enabled),
        ("actions/setup-java", s => OptInString(s, "cache")),
        ("actions/setup-go", s => OptInBool(s, "cache", true)),
        ("actions/setup-node", s => Any(OptInExact(s, "cache", "npm", "yarn", "pnpm"), OptInBool(s, "package-manager-cache", true))),
        ("actions/setup-python", s => OptInString(s, "cache")),
        ("actions/setup-dotnet", s => OptInBool(s, "cache", false)),
        ("astral-sh/setup-uv", SetupUv),
        ("swatinem/rust-cache", s => OptOutBool(s, "lookup-only", true)),
        ("ruby/setup-ruby", s => OptInBool(s, "bundler-cache", false)),
        ("pyo3/maturin-action", s => OptInBool(s, "sccache", false)),
        ("mlugg/setup-zig", s => OptInBool(s, "use-cache", true)),
        ("oven-sh/setup-bun", s => OptOutBool(s, "no-cache", true)),
        ("determinatesystems/magic-nix-cache-action", s => OptInBool(s, "use-gha-cache", true)),
        ("graalvm/setup-graalvm", s => OptInString(s, "cache")),
        ("gradle/actions/setup-gradle", s => OptOutBool(s, "cache-disabled", true)),
        ("docker/setup-buildx-action", s => All(OptInBool(s, "cache-binary", true), OptInString(s, "version"))),
        ("actions-rust-lang/setup-rust-toolchain", s => OptInBool(s, "cache", true)),
        ("mozilla-actions/sccache-action", s => CacheUse.Enabled),
        ("nix-community/cache-nix-action", s => CacheUse.Enabled),
        ("jdx/mise-action", s => OptInBool(s, "cache", true)),
        ("ramsey/composer-install", s => OptOutExact(s, "ignore-cache", true, "yes", "true", "1")),
        ("awalsh128/cache-apt-pkgs-action", s => CacheUse.Enabled),
    ];

    private static readonly string[] Publishers =
    [
        "pypa/gh-action-pypi-publish", "rubygems/release-gem", "jreleaser/release-action", "goreleaser/goreleaser-action",
        "softprops/action-gh-release", "release-drafter/release-drafter", "googleapis/release-please-action",
        "redhat-actions/push-to-registry", "aws-actions/amazon-ecs-deploy-task-definition", "aws-actions/aws-cloudformation-github-deploy",
        "azure/aci-deploy", "azure/container-apps-deploy-action", "azure/functions-action", "azure/sql-action", "cloudflare/wrangler-action",
        "google-github-actions/deploy-appengine", "google-github-actions/deploy-cloudrun", "google-github-actions/deploy-cloud-functions",
    ];

    /// <summary>The cache use of a step, or null when the step is not a known cache-aware action.</summary>
    public static (CacheUse Use, YamlEntry? ControlInput)? UseOf(JobStep step)
    {
        if (step.Uses is not { Kind: UsesKind.Repository } uses)
        {
            return null;
        }

        foreach (var (action, use) in CacheAware)
        {
            if (string.Equals(uses.Target, action, StringComparison.OrdinalIgnoreCase))
            {
                if (step.Node["with"] is YamlScalar withExpr && withExpr.Value.Contains("${{", StringComparison.Ordinal))
                {
                    return (CacheUse.Conditional, null);
                }

                return (use(step), null);
            }
        }

        return null;
    }

    /// <summary>True when the step publishes artifacts (a release, a package, an image push, a deploy).</summary>
    public static bool IsPublisher(JobStep step)
    {
        if (step.Uses is not { Kind: UsesKind.Repository } uses)
        {
            return false;
        }

        if (uses.Matches("docker/build-push-action"))
        {
            return OptInBool(step, "push", true) != CacheUse.None;
        }

        return Publishers.Any(p => string.Equals(uses.Target, p, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Evaluates a cache-control expression for a tag push, or null when it is not one of the known forms.</summary>
    public static bool? EvaluateForTagPush(Expr expr)
    {
        switch (expr)
        {
            case LiteralExpr { Kind: LiteralKind.Boolean, Value: bool value }:
                return value;
            case GroupExpr group:
                return EvaluateForTagPush(group.Inner);
            case NotExpr not:
                return EvaluateForTagPush(not.Operand) is { } inner ? !inner : null;
            case CallExpr { Arguments: [var subject, LiteralExpr { Kind: LiteralKind.Text, Text: { } prefix }] } call
                when call.Is("startsWith") && ContextAccess.PatternOf(subject) == "github.ref" && prefix.Equals("refs/tags/", StringComparison.OrdinalIgnoreCase):
                return true;
            case BinaryExpr { Operator: BinaryOperator.And } both when IsTagPushGuard(both.Left, both.Right) || IsTagPushGuard(both.Right, both.Left):
                return true;
            default:
                return null;
        }
    }

    private static bool IsTagPushGuard(Expr a, Expr b) => IsComparison(a, "github.event_name", "push") && IsComparison(b, "github.ref_type", "tag");

    private static bool IsComparison(Expr expr, string context, string value) =>
        expr is BinaryExpr { Operator: BinaryOperator.Equal } eq
        && ((ContextAccess.PatternOf(eq.Left) == context && eq.Right is LiteralExpr { Text: { } r } && r == value)
            || (ContextAccess.PatternOf(eq.Right) == context && eq.Left is LiteralExpr { Text: { } l } && l == value));

    /// <summary>The raw value of a cache control input, for the tag-push heuristic.</summary>
    public static YamlScalar? ControlInput(JobStep step)
    {
        if (step.Uses is not { } uses)
        {
            return null;
        }

        string? name = uses.Target switch
        {
            "actions/cache" or "swatinem/rust-cache" => "lookup-only",
            "actions/setup-go" or "actions/setup-dotnet" or "actions-rust-lang/setup-rust-toolchain" or "jdx/mise-action" => "cache",
            "ruby/setup-ruby" => "bundler-cache",
            "pyo3/maturin-action" => "sccache",
            "mlugg/setup-zig" => "use-cache",
            "oven-sh/setup-bun" => "no-cache",
            "determinatesystems/magic-nix-cache-action" => "use-gha-cache",
            "gradle/actions/setup-gradle" => "cache-disabled",
            _ => null,
        };
        return name is null ? null : step.Input(name);
    }

    /// <summary>True when the control input of this action disables caching when set to true.</summary>
    public static bool IsOptOut(JobStep step) => step.Uses?.Target is "actions/cache" or "swatinem/rust-cache" or "oven-sh/setup-bun" or "gradle/actions/setup-gradle";

    private static CacheUse SetupUv(JobStep step)
    {
        var input = step.Input("enable-cache");
        if (input is not null && IsExpression(input))
        {
            return CacheUse.Conditional;
        }

        var value = input?.Value.Trim().ToLowerInvariant();
        if (value == "true")
        {
            return CacheUse.Enabled;
        }

        if (value == "false")
        {
            return CacheUse.None;
        }

        var major = MajorVersion(step);
        return major switch
        {
            null => CacheUse.Conditional,
            < 10 => CacheUse.Enabled,
            _ => CacheUse.None,
        };
    }

    private static int? MajorVersion(JobStep step)
    {
        string? version = step.Uses?.Ref is { } r && r.StartsWith('v') ? r : null;
        version ??= step.VersionComment;
        if (version is null)
        {
            return null;
        }

        var digits = new string(version.TrimStart('v', 'V').TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var major) ? major : null;
    }

    private static bool IsExpression(YamlScalar scalar) => scalar.Value.Contains("${{", StringComparison.Ordinal);

    private static CacheUse OptInBool(JobStep step, string field, bool byDefault)
    {
        var input = step.Input(field);
        if (input is null || input.IsNull)
        {
            return byDefault ? CacheUse.Enabled : CacheUse.None;
        }

        return IsExpression(input) ? CacheUse.Conditional
            : input.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) ? CacheUse.Enabled : CacheUse.None;
    }

    private static CacheUse OptOutBool(JobStep step, string field, bool byDefault)
    {
        var input = step.Input(field);
        if (input is null || input.IsNull)
        {
            return byDefault ? CacheUse.Enabled : CacheUse.None;
        }

        return IsExpression(input) ? CacheUse.Conditional
            : input.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) ? CacheUse.None : CacheUse.Enabled;
    }

    private static CacheUse OptInString(JobStep step, string field)
    {
        var input = step.Input(field);
        return input is null || input.IsNull || input.Value.Trim().Length == 0 ? CacheUse.None
            : IsExpression(input) ? CacheUse.Conditional : CacheUse.Enabled;
    }

    private static CacheUse OptInExact(JobStep step, string field, params string[] values)
    {
        var input = step.Input(field);
        return input is null || input.IsNull ? CacheUse.None
            : IsExpression(input) ? CacheUse.Conditional
            : values.Contains(input.Value.Trim(), StringComparer.Ordinal) ? CacheUse.Enabled : CacheUse.None;
    }

    private static CacheUse OptOutExact(JobStep step, string field, bool byDefault, params string[] values)
    {
        var input = step.Input(field);
        return input is null || input.IsNull ? (byDefault ? CacheUse.Enabled : CacheUse.None)
            : IsExpression(input) ? CacheUse.Conditional
            : values.Contains(input.Value.Trim(), StringComparer.OrdinalIgnoreCase) ? CacheUse.None : CacheUse.Enabled;
    }

    private static CacheUse Any(CacheUse a, CacheUse b) => a == CacheUse.Enabled || b == CacheUse.Enabled ? CacheUse.Enabled
        : a == CacheUse.Conditional || b == CacheUse.Conditional ? CacheUse.Conditional : CacheUse.None;

    private static CacheUse All(CacheUse a, CacheUse b) => a == CacheUse.None || b == CacheUse.None ? CacheUse.None
        : a == CacheUse.Conditional || b == CacheUse.Conditional ? CacheUse.Conditional : CacheUse.Enabled;
}
