using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC112: Docker Hub personal and organization access tokens (<c>dckr_pat_</c>, <c>dckr_oat_</c>).</summary>
public sealed partial class DockerHubAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC112",
        Name: "docker-hub-access-token",
        Title: "Docker Hub access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds Docker Hub personal access tokens (dckr_pat_) and organization access tokens (dckr_oat_). "
            + "With read-write scope a token pushes images under the account's repositories, which downstream deployments pull and run.",
        Remediation = "Delete the token in Docker Hub under Account settings > Personal access tokens (or the organization's access tokens), and create a read-only token for pulls, stored as a CI secret.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["dckr_pat_", "dckr_oat_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.3;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,64}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "echo dckr_pat_" + Samples.Base64Url(27) + " | docker login -u ci-bot --password-stdin";
        yield return "DOCKERHUB_TOKEN: \"dckr_pat_" + Samples.Base64Url(27) + "\"";
        yield return "password = \"dckr_oat_" + Samples.Base64Url(32) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "DOCKERHUB_TOKEN: ${{ secrets.DOCKERHUB_TOKEN }}";
        yield return "DOCKERHUB_TOKEN=dckr_pat_" + new string('x', 27);
        yield return "DOCKERHUB_TOKEN=dckr_pat_" + Samples.Base64Url(12);
    }
}
