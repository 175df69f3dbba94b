using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC113: <c>"auth"</c> entries under <c>"auths"</c> in a Docker <c>config.json</c>: base64 of <c>user:password</c>.</summary>
public sealed partial class DockerConfigAuth : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC113",
        Name: "docker-config-auth",
        Title: "Registry credentials in Docker config.json",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds registry credentials stored inline in a Docker or Podman config.json (also .dockerconfigjson secrets): an \"auth\" value under \"auths\" that decodes to user:password. "
            + "These files are copied into images, CI caches and Kubernetes secrets, and the pair usually pushes to the registry.",
        Remediation = "Change the registry password or revoke the token, remove the auth entry, and use a credential helper (credsStore/credHelpers) or `docker login --password-stdin` at run time.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["\"auth\""];

    public override Regex Pattern => Token;

    public override int WindowBefore => 4096;

    public override int WindowAfter => 4096;

    [GeneratedRegex(
        @"(?<=""auths""\s*:\s*\{[\s\S]{0,4000})""auth""\s*:\s*""(?<secret>[A-Za-z0-9+/]{8,2048}={0,2})""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match) => BasicAuthHeader.TryDecodeCredentials(secret, out _, out _);

    public override IEnumerable<string> TruePositives()
    {
        yield return "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + BasicAuthHeader.SampleCredentials() + "\"}}}";
        yield return "{\n  \"auths\": {\n    \"ghcr.io\": { \"auth\": \"" + BasicAuthHeader.SampleCredentials() + "\" },\n    \"registry.gitlab.com\": {\n      \"auth\": \"" + BasicAuthHeader.SampleCredentials() + "\"\n    }\n  }\n}";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "{\"auths\":{\"ghcr.io\":{}},\"credsStore\":\"desktop\"}";
        yield return "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + Convert.ToBase64String("username:password"u8.ToArray()) + "\"}}}";
        yield return "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + Convert.ToBase64String("just-a-user"u8.ToArray()) + "\"}}}";
        yield return "{\"auth\":\"" + BasicAuthHeader.SampleCredentials() + "\"}";
    }
}
