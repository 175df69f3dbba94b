using System.Buffers.Text;
using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC107: PyPI and TestPyPI API tokens: <c>pypi-</c> + a base64url macaroon whose location is pypi.org or test.pypi.org.</summary>
public sealed partial class PypiUploadToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC107",
        Name: "pypi-upload-token",
        Title: "PyPI upload token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:pypi-upload-token"],
        Description = "Finds PyPI and TestPyPI API tokens (pypi- followed by a base64url macaroon) and checks that the macaroon decodes with its version, location and identifier fields. "
            + "An account-scoped upload token can publish new releases of every project the account maintains.",
        Remediation = "Delete the token under Account settings > API tokens on pypi.org, prefer Trusted Publishing (OIDC) from CI so no long-lived token exists, or create a project-scoped token kept in the CI secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["pypi-AgE"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    /// <summary>The token body is a version-2 macaroon: version 2, location field, then the identifier field (type 2).</summary>
    public override bool IsValid(string secret, Match match)
    {
        var body = secret.AsSpan(5);
        if (!Base64Url.IsValid(body))
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(body);
        if (bytes.Length < 40 || bytes[0] != 2 || bytes[1] != 1)
        {
            return false;
        }

        var identifierAt = 3 + bytes[2];
        return identifierAt < bytes.Length && bytes[identifierAt] == 2;
    }

    internal static string Sample(string location = "pypi.org")
    {
        var bytes = new List<byte> { 2, 1, (byte)location.Length };
        bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(location));
        var identifier = System.Text.Encoding.ASCII.GetBytes(Samples.Uuid());
        bytes.Add(2);
        bytes.Add((byte)identifier.Length);
        bytes.AddRange(identifier);
        bytes.Add(0);
        bytes.Add(6);
        bytes.Add(32);
        bytes.AddRange(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        return "pypi-" + Base64Url.EncodeToString(bytes.ToArray());
    }

    public override IEnumerable<string> TruePositives()
    {
        yield return "password = " + Sample();
        yield return "TWINE_PASSWORD=\"" + Sample("test.pypi.org") + "\"";
        yield return "uv publish --token " + Sample();
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "TWINE_PASSWORD=${{ secrets.PYPI_API_TOKEN }}";
        yield return "password = pypi-AgEIcHlwaS5vcmc...";
        yield return "password = pypi-AgEIcHlwaS5vcmc" + new string('A', 60);
        yield return "password = pypi-" + Samples.Base64Url(120);
    }
}
