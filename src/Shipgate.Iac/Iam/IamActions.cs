namespace Shipgate.Iac.Iam;

/// <summary>
/// The action knowledge the IAM rules share: escalation sets, credential-returning actions, resource-exposure
/// actions, and which actions cannot be scoped to a resource. Compiled from AWS's Service Authorization Reference
/// and the public privilege-escalation research (Rhino Security Labs, 2018). Immutable.
/// </summary>
internal static class IamActions
{
    /// <summary>Each set, when granted in full, lets a principal raise its own permissions.</summary>
    public static IReadOnlyList<string[]> EscalationSets { get; } =
    [
        ["iam:CreatePolicyVersion"],
        ["iam:SetDefaultPolicyVersion"],
        ["iam:CreateAccessKey"],
        ["iam:CreateLoginProfile"],
        ["iam:UpdateLoginProfile"],
        ["iam:AttachUserPolicy"],
        ["iam:AttachGroupPolicy"],
        ["iam:AttachRolePolicy"],
        ["iam:PutUserPolicy"],
        ["iam:PutGroupPolicy"],
        ["iam:PutRolePolicy"],
        ["iam:AddUserToGroup"],
        ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"],
        ["iam:PassRole", "ec2:RunInstances"],
        ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
        ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"],
        ["lambda:UpdateFunctionCode"],
        ["iam:PassRole", "glue:CreateDevEndpoint"],
        ["glue:UpdateDevEndpoint"],
        ["iam:PassRole", "cloudformation:CreateStack"],
        ["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"],
        ["iam:PassRole", "sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"],
        ["iam:PassRole", "codestar:CreateProjectFromTemplate"],
        ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"],
        ["ssm:SendCommand"],
        ["ec2-instance-connect:SendSSHPublicKey"],
    ];

    /// <summary>Actions whose response carries credentials, tokens or passwords.</summary>
    public static IReadOnlyList<string> CredentialActions { get; } =
    [
        "chime:CreateApiKey",
        "codepipeline:PollForJobs",
        "cognito-identity:GetCredentialsForIdentity",
        "cognito-identity:GetOpenIdToken",
        "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
        "connect:GetFederationToken",
        "ec2:GetPasswordData",
        "ecr:GetAuthorizationToken",
        "ecr-public:GetAuthorizationToken",
        "gamelift:RequestUploadCredentials",
        "iam:CreateAccessKey",
        "iam:CreateLoginProfile",
        "iam:CreateServiceSpecificCredential",
        "iam:ResetServiceSpecificCredential",
        "iam:UpdateAccessKey",
        "lightsail:GetInstanceAccessDetails",
        "lightsail:GetRelationalDatabaseMasterUserPassword",
        "rds-db:Connect",
        "redshift:GetClusterCredentials",
        "redshift-serverless:GetCredentials",
        "secretsmanager:GetSecretValue",
        "sso:GetRoleCredentials",
        "sts:AssumeRole",
        "sts:AssumeRoleWithSAML",
        "sts:AssumeRoleWithWebIdentity",
        "sts:GetFederationToken",
        "sts:GetSessionToken",
    ];

    /// <summary>Actions that change who may access a resource (resource policies, ACLs, grants, shares).</summary>
    public static IReadOnlyList<string> PermissionsManagementActions { get; } =
    [
        "backup:PutBackupVaultAccessPolicy",
        "ecr:SetRepositoryPolicy",
        "efs:PutFileSystemPolicy",
        "events:PutPermission",
        "glacier:SetVaultAccessPolicy",
        "iam:UpdateAssumeRolePolicy",
        "kms:CreateGrant",
        "kms:PutKeyPolicy",
        "lambda:AddLayerVersionPermission",
        "lambda:AddPermission",
        "logs:PutResourcePolicy",
        "ram:CreateResourceShare",
        "s3:DeleteBucketPolicy",
        "s3:PutAccessPointPolicy",
        "s3:PutBucketAcl",
        "s3:PutBucketPolicy",
        "s3:PutBucketPublicAccessBlock",
        "s3:PutObjectAcl",
        "secretsmanager:PutResourcePolicy",
        "sns:AddPermission",
        "sns:SetTopicAttributes",
        "sqs:AddPermission",
        "sqs:SetQueueAttributes",
    ];

    /// <summary>Per service, the actions that rewrite a resource's own access policy.</summary>
    public static IReadOnlyList<string> ResourcePolicyWriters { get; } =
    [
        "ecr:SetRepositoryPolicy",
        "glacier:SetVaultAccessPolicy",
        "kms:PutKeyPolicy",
        "lambda:AddPermission",
        "s3:PutBucketPolicy",
        "secretsmanager:PutResourcePolicy",
        "sns:SetTopicAttributes",
        "sqs:SetQueueAttributes",
    ];

    /// <summary>Concrete actions that AWS only authorises on <c>*</c>: scoping them to a resource is impossible.</summary>
    private static readonly HashSet<string> Unrestrictable = new(StringComparer.OrdinalIgnoreCase)
    {
        "s3:ListAllMyBuckets", "s3:GetAccountPublicAccessBlock", "s3:PutAccountPublicAccessBlock",
        "sts:GetCallerIdentity", "ecr:GetAuthorizationToken", "ecr-public:GetAuthorizationToken",
        "iam:GetAccountSummary", "iam:GetAccountPasswordPolicy", "iam:GenerateCredentialReport", "iam:GetCredentialReport",
        "iam:GetAccountAuthorizationDetails", "cloudwatch:PutMetricData", "cloudwatch:GetMetricData", "cloudwatch:GetMetricStatistics",
        "xray:PutTraceSegments", "xray:PutTelemetryRecords", "logs:DescribeLogGroups", "kms:CreateKey", "kms:GenerateRandom",
        "sns:ListTopics", "sqs:ListQueues", "dynamodb:ListTables", "lambda:ListFunctions", "secretsmanager:GetRandomPassword",
        "ssm:DescribeParameters", "ses:SendEmail", "ec2:CreateTags", "guardduty:ListDetectors", "cloudtrail:DescribeTrails",
    };

    /// <summary>List actions that do take a resource (a bucket's keys, a user's policies), despite the verb.</summary>
    private static readonly HashSet<string> ScopedListActions = new(StringComparer.OrdinalIgnoreCase)
    {
        "s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads", "s3:ListMultipartUploadParts",
        "iam:ListAccessKeys", "iam:ListAttachedGroupPolicies", "iam:ListAttachedRolePolicies", "iam:ListAttachedUserPolicies",
        "iam:ListEntitiesForPolicy", "iam:ListGroupPolicies", "iam:ListGroupsForUser", "iam:ListInstanceProfilesForRole",
        "iam:ListMFADevices", "iam:ListPolicyVersions", "iam:ListRolePolicies", "iam:ListRoleTags", "iam:ListSSHPublicKeys",
        "iam:ListServiceSpecificCredentials", "iam:ListSigningCertificates", "iam:ListUserPolicies", "iam:ListUserTags",
        "kms:ListGrants", "kms:ListKeyPolicies", "kms:ListResourceTags", "lambda:ListAliases", "lambda:ListVersionsByFunction",
        "lambda:ListTags", "sns:ListSubscriptionsByTopic", "sqs:ListQueueTags", "sqs:ListDeadLetterSourceQueues",
        "secretsmanager:ListSecretVersionIds", "ecr:ListImages", "ecr:ListTagsForResource", "eks:ListNodegroups",
        "eks:ListFargateProfiles", "eks:ListAddons", "dynamodb:ListTagsOfResource", "rds:ListTagsForResource",
        "cloudformation:ListStackResources", "states:ListExecutions", "glue:ListSchemaVersions",
    };

    /// <summary>
    /// True when a concrete action (no wildcard) cannot be restricted to a resource, so <c>"Resource": "*"</c> is the
    /// only correct value. Wildcard patterns (<c>ec2:Describe*</c>) count as restrictable: some of what they match is.
    /// </summary>
    public static bool IsUnrestrictable(string action)
    {
        if (action.Contains('*', StringComparison.Ordinal) || action.Contains('?', StringComparison.Ordinal))
        {
            return false;
        }

        if (Unrestrictable.Contains(action))
        {
            return true;
        }

        var verb = ActionPattern.Verb(action);
        var service = ActionPattern.Service(action);
        return (verb.StartsWith("List", StringComparison.OrdinalIgnoreCase) && !ScopedListActions.Contains(action))
            || (string.Equals(service, "ec2", StringComparison.OrdinalIgnoreCase) && verb.StartsWith("Describe", StringComparison.OrdinalIgnoreCase));
    }
}
