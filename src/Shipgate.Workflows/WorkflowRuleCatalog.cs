using Shipgate.Workflows.GitHubActions;
using Shipgate.Workflows.GitLab;
using Shipgate.Workflows.Rules;

namespace Shipgate.Workflows;

/// <summary>The explicit list of workflow rules: the only place a rule is turned on. Returns fresh lists.</summary>
public static class WorkflowRuleCatalog
{
    public static IReadOnlyList<WorkflowRule<GitHubDocument>> CreateGitHub() =>
    [
        new TemplateInjection(),
        new DangerousTriggers(),
        new ExcessivePermissions(),
        new UnpinnedUses(),
        new Artipacked(),
        new SecretsInherit(),
        new BotConditions(),
        new UnsoundContains(),
        new UnsoundCondition(),
        new UnsoundTernary(),
        new Obfuscation(),
        new SelfRepository(),
        new CachePoisoning(),
        new UseTrustedPublishing(),
        new AdhocPackages(),
        new ArchivedUses(),
        new TyposquatUses(),
        new GitHubEnv(),
        new InsecureCommands(),
        new Misfeature(),
        new OverprovisionedSecrets(),
        new UnredactedSecrets(),
        new UnpinnedImages(),
        new GitHubApp(),
        new DependabotExecution(),
        new DependabotCooldown(),
        new InsecureUrlScheme(),
        new UnpinnedTools(),
        new HardcodedContainerCredentials(),
        new SecretsOutsideEnv(),
        new SelfHostedRunner(),
        new RefVersionMismatch(),
        new ForbiddenUses(),
        new SuperfluousActions(),
        new ConcurrencyLimits(),
        new AnonymousDefinition(),
        new UndocumentedPermissions(),
        new PwnRequest(),
        new UnsafePrCheckout(),
        new WorkflowTlsVerificationDisabled(),
        new WorkflowPipeToShell(),
        new SecretInRunScript(),
        new SecretFileWithoutCleanup(),
        new PrivilegedAnyBranch(),
        new DeployWithoutEnvironment(),
        new PullRequestProductionEnvironment(),
        new TokenToUnpinnedAction(),
        new WorkflowPlainHttpEndpoint(),
    ];

    public static IReadOnlyList<WorkflowRule<GitLabPipeline>> CreateGitLab() =>
    [
        new IncludeNotPinned(),
        new ImageUnpinned(),
        new ImageNoDigest(),
        new ServiceUnpinned(),
        new PrivilegedDind(),
        new SecretLiteralVariable(),
        new PredefinedVariableInjection(),
        new GlcPipeToShell(),
        new GlcTlsVerificationDisabled(),
        new GlcDeployWithoutEnvironment(),
        new DeployWithoutProtectedRules(),
        new JobTokenThirdParty(),
        new ArtifactsUntracked(),
        new WhenAlwaysSecrets(),
        new AllowFailureSecurity(),
        new DockerTlsDisabled(),
        new GlcPlainHttpEndpoint(),
        new SecretEchoed(),
        new DebugTraceEnabled(),
        new UnverifiedDownloadExecuted(),
    ];

    /// <summary>Rules whose findings carry a <see cref="Shipgate.Core.Fix"/> (applied by <c>shipgate fix</c>).</summary>
    public static IReadOnlySet<string> AutoFixable { get; } = new HashSet<string>(StringComparer.Ordinal) { "GHA001", "GHA003", "GHA004", "GHA005" };

    /// <summary>Every rule, GitHub then GitLab.</summary>
    public static IReadOnlyList<Shipgate.Core.IRule> CreateAll() => [.. CreateGitHub(), .. CreateGitLab()];
}
