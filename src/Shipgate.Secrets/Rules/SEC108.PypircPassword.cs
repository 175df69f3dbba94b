using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC108: A literal password in the <c>[pypi]</c> or <c>[testpypi]</c> section of a <c>.pypirc</c> file.</summary>
public sealed partial class PypircPassword : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC108",
        Name: "pypirc-password",
        Title: "Password in a .pypirc index section",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds a literal password in the [pypi], [testpypi] or [pypitest] section of a .pypirc file, the configuration twine and legacy setuptools read for uploads. "
            + "Values that are pypi- API tokens are left to SEC107.",
        Remediation = "Change the PyPI password (or revoke the token), remove the password line so twine prompts or reads TWINE_PASSWORD, and prefer Trusted Publishing in CI.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["[pypi]", "[testpypi]", "[pypitest]"];

    public override Regex Pattern => Token;

    public override int WindowBefore => 1024;

    public override int WindowAfter => 1024;

    [GeneratedRegex(
        @"(?m)^\[(?:pypi|testpypi|pypitest)\][^\[]{0,600}?^[ \t]*password[ \t]*[:=][ \t]*(?<secret>\S{4,256})",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) =>
        !secret.StartsWith("pypi-", StringComparison.Ordinal) && UrlCredentials.IsRealCredential("", secret, "pypi");

    public override IEnumerable<string> TruePositives()
    {
        yield return "[pypi]\nusername = release-bot\npassword = " + GenericSecretAssignment.SampleValue(18);
        yield return "[testpypi]\nrepository = https://test.pypi.org/legacy/\nusername = ci\npassword: " + GenericSecretAssignment.SampleValue(24);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "[pypi]\nusername = __token__\npassword = %(PYPI_TOKEN)s";
        yield return "[pypi]\nusername = __token__\npassword = " + PypiUploadToken.Sample();
        yield return "[pypi]\nusername = __token__\npassword = <your-token>";
        yield return "[tool]\npassword = " + Samples.Mixed(18);
    }
}
