using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC115: JFrog Artifactory API keys: <c>AKCp</c> + 69 alphanumerics.</summary>
public sealed partial class JFrogApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC115",
        Name: "jfrog-api-key",
        Title: "JFrog Artifactory API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:artifactory-api-key"],
        Description = "Finds JFrog Artifactory API keys (AKCp followed by 69 alphanumerics). "
            + "An API key acts as its user in Artifactory: it reads private artifacts and, for deployers, uploads or overwrites them.",
        Remediation = "Revoke the API key in the JFrog user profile (API keys are deprecated), and switch to scoped access tokens or OIDC integration stored as CI secrets.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["AKCp"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])AKCp[A-Za-z0-9]{69}(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "curl -H \"X-JFrog-Art-Api: AKCp" + Samples.AlphaNumeric(69) + "\" https://corp.jfrog.io/artifactory/api/repositories";
        yield return "artifactory_api_key: AKCp" + Samples.AlphaNumeric(69);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "artifactory_api_key: ${ARTIFACTORY_API_KEY}";
        yield return "artifactory_api_key: AKCp" + new string('A', 69);
        yield return "artifactory_api_key: AKCp" + Samples.AlphaNumeric(40);
    }
}
