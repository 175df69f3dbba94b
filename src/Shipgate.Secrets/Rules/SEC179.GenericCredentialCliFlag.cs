using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC179: <c>--password</c>, <c>--token</c>, <c>--api-key</c>, <c>--client-secret</c> and similar flags with a literal value.</summary>
public sealed partial class GenericCredentialCliFlag : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC179",
        Name: "generic-credential-cli-flag",
        Title: "Secret passed as a command-line flag",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.Medium)
    {
        Equivalents = [],
        Description = "Finds secrets passed literally as command-line flags (--password, --token, --api-key, --client-secret, --access-token, --auth-token) in scripts, CI steps and documentation. "
            + "Command lines end up in shell history, CI logs and process listings visible to other users.",
        Remediation = "Revoke the credential, and pass it through an environment variable, a file, or stdin (many tools offer --password-stdin or read a documented variable).",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override bool IsGeneric => true;

    public override IReadOnlyList<string> Keywords { get; } = ["--pass", "--token", "--api", "--secret", "--client-secret", "--access-token", "--auth-token"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<![\w-])--(?<!(?i:docker|podman|buildah|nerdctl)[ \t]+login\b[^\r\n]{0,200}--)(?<flag>(?i:password|passwd|pass|token|api-key|apikey|api_key|secret|client-secret|access-token|auth-token))(?:=|[ \t]+)(?<q>[""']?)(?<secret>[^\s""'`;|&]{8,256})\k<q>",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => false;

    public override bool IsValid(string secret, Match match) =>
        !secret.StartsWith('-') && !GenericSecretAssignment.LooksLikeNonSecret(match.Groups["flag"].Value, secret, quoted: true)
        && Entropy.Shannon(secret) >= Math.Min(3.0, Math.Log2(secret.Length) - 0.6);

    public override IEnumerable<string> TruePositives()
    {
        yield return "vault login -method=userpass username=ci --password=" + GenericSecretAssignment.SampleValue(20);
        yield return "az login --service-principal -u " + Samples.Uuid() + " --password \"" + GenericSecretAssignment.SampleValue(34) + "\" --tenant corp.onmicrosoft.com";
        yield return "  - run: ./deploy.sh --api-key " + GenericSecretAssignment.SampleValue(32) + " --env prod";
        yield return "sentry-cli --auth-token " + GenericSecretAssignment.SampleValue(64).ToLowerInvariant() + " releases new 1.2.3";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "./deploy.sh --api-key \"$API_KEY\" --env prod";
        yield return "az login --service-principal -u $APP_ID --password ${{ secrets.AZURE_PASSWORD }}";
        yield return "mysqldump --password=\"$(cat /run/secrets/db)\" app";
        yield return "docker login --username ci --password " + Samples.Mixed(20) + " ghcr.io";
        yield return "kubectl create secret generic app --from-literal=token --password-file=/tmp/pw";
        yield return "ssh-keygen -t ed25519 --passphrase-file key.txt";
        yield return "gh auth login --token <your-token>";
    }
}
