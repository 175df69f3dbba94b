using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC109: NuGet.org API keys: <c>oy2</c> + 43 lower-case letters and digits.</summary>
public sealed partial class NuGetApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC109",
        Name: "nuget-api-key",
        Title: "NuGet.org API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds NuGet.org API keys, which start with oy2 followed by 43 lower-case letters and digits. "
            + "A push-scoped key publishes new versions of the owner's packages, which every consumer restores on the next update.",
        Remediation = "Delete or regenerate the key at nuget.org > API Keys, prefer NuGet Trusted Publishing from CI, or a key scoped to one package with a short expiry stored as a CI secret.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["oy2"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])oy2[a-z0-9]{43}(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "dotnet nuget push *.nupkg --api-key oy2" + Samples.LowerAlphaNumeric(43) + " --source https://api.nuget.org/v3/index.json";
        yield return "NUGET_API_KEY=oy2" + Samples.LowerAlphaNumeric(43);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "dotnet nuget push *.nupkg --api-key ${{ secrets.NUGET_API_KEY }}";
        yield return "NUGET_API_KEY=oy2" + new string('a', 43);
        yield return "NUGET_API_KEY=oy2" + Samples.LowerAlphaNumeric(42);
        yield return "NUGET_API_KEY=oy2" + Samples.UpperAlphaNumeric(43);
    }
}
