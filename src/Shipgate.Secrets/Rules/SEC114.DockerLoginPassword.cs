using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC114: <c>docker login -p</c> / <c>--password</c> (also podman, buildah, nerdctl) with a literal password.</summary>
public sealed partial class DockerLoginPassword : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC114",
        Name: "docker-login-password",
        Title: "Password on a docker login command line",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds container registry logins that put the password on the command line (`docker login -p …`, `--password=…`, and the podman, buildah and nerdctl equivalents) with a literal value. "
            + "The password ends up in scripts, shell history and CI logs.",
        Remediation = "Change the registry password or token, and log in with `--password-stdin` fed from a secret variable.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override bool IsGeneric => true;

    public override IReadOnlyList<string> Keywords { get; } = ["docker", "podman", "buildah", "nerdctl"];

    public override Regex Pattern => Token;

    /// <inheritdoc/>
    public override bool ChecksHits => true;

    /// <summary>
    /// The pattern's look-behind puts blanks and then <c>login</c> right after one of its keywords, so only that
    /// occurrence can start a match: "docker" in prose, image names and <c>docker run</c> lines costs no window.
    /// </summary>
    public override bool IsPlausibleHit(ReadOnlySpan<char> text, int offset, string keyword)
    {
        var start = offset + keyword.Length;
        var position = GenericSecretAssignment.SkipBlanks(text, start);
        return position > start && SpellsLogin(text[position..]);
    }

    /// <summary>
    /// Whether the text starts with "login" in any case. A character beyond ASCII is let through rather than judged:
    /// the pattern's case-insensitive match is the regex engine's, not ordinal.
    /// </summary>
    private static bool SpellsLogin(ReadOnlySpan<char> text)
    {
        const string login = "login";
        if (text.Length < login.Length)
        {
            return false;
        }

        for (var i = 0; i < login.Length; i++)
        {
            if (text[i] < 128 && (text[i] | 0x20) != login[i])
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(
        @"(?<=(?i:docker|podman|buildah|nerdctl)[ \t]+)(?i:login)\b[^\r\n|;&]{0,200}?[ \t](?:-p|--password)(?:=|[ \t]+)[""']?(?<secret>[^\s""'$%{(<-][^\s""']{5,255})",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override IEnumerable<string> TruePositives()
    {
        yield return "docker login -u deploy -p " + GenericSecretAssignment.SampleValue(20) + " registry.corp.local";
        yield return "podman login quay.io --username robot --password=\"" + GenericSecretAssignment.SampleValue(32) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "docker login -u \"$REGISTRY_USER\" -p \"$REGISTRY_PASSWORD\" registry.corp.local";
        yield return "echo \"$TOKEN\" | docker login ghcr.io -u bot --password-stdin";
        yield return "docker login -u deploy -p ${{ secrets.REGISTRY_PASSWORD }} ghcr.io";
        yield return "docker run -p 8080:80 nginx";
    }
}
