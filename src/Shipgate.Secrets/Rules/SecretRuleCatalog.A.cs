namespace Shipgate.Secrets.Rules;

public static partial class SecretRuleCatalog
{
    /// <summary>Provider-specific rules SEC001–SEC099, in id order.</summary>
    private static IEnumerable<SecretPattern> PartA() =>
    [
        new AwsAccessKeyId(),
        new AwsSecretAccessKey(),
        new AwsSessionToken(),
        new GcpServiceAccountKey(),
        new GcpApiKey(),
        new GcpOAuthClientSecret(),
        new AzureStorageAccountKey(),
        new AzureStorageConnectionString(),
        new AzureSasToken(),
        new AzureDevOpsPersonalAccessToken(),
        new AzureDevOpsIdentifiablePat(),
        new AzureEntraClientSecret(),
        new AzureCosmosDbKey(),
        new AzureSharedAccessKey(),
        new MicrosoftTeamsWebhook(),
        new PowerAutomateWorkflowUrl(),
        new GitHubPersonalAccessToken(),
        new GitHubFineGrainedPersonalAccessToken(),
        new GitHubOAuthAccessToken(),
        new GitHubAppUserToken(),
        new GitHubAppInstallationToken(),
        new GitHubAppRefreshToken(),
        new GitLabPersonalAccessToken(),
        new GitLabDeployToken(),
        new GitLabRunnerAuthenticationToken(),
        new GitLabRunnerRegistrationToken(),
        new GitLabPipelineTriggerToken(),
        new GitLabScimToken(),
        new GitLabCiJobToken(),
        new GitLabIncomingMailToken(),
        new GitLabFeedToken(),
        new GitLabKubernetesAgentToken(),
        new GitLabFeatureFlagClientToken(),
        new GitLabOAuthApplicationSecret(),
    ];
}
