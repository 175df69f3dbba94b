using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC009: an Azure shared access signature (<c>sv=</c> date plus a 32-byte <c>sig=</c>).</summary>
public sealed partial class AzureSasToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC009",
        Name: "azure-sas-token",
        Title: "Azure shared access signature (SAS) token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Description = "Detects Azure Storage shared access signatures: a query string with a service version (sv=YYYY-MM-DD) and a "
            + "sig= value that decodes to a 32-byte HMAC-SHA256. A SAS is a bearer credential: whoever has the URL gets its permissions "
            + "(often read, write, list or delete on a whole account) until it expires, and account SAS tokens are often issued for years.",
        Remediation = "Invalidate the SAS by rotating the account key that signed it (or revoking the user delegation keys, or deleting "
            + "the stored access policy it references), then issue short-lived, narrowly scoped SAS tokens at run time instead of storing them.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sig="];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) => Checksums.DecodedLength(Uri.UnescapeDataString(secret)) == 32;

    public override IEnumerable<string> TruePositives()
    {
        yield return "https://acmeprod.blob.core.windows.net/backups/db.bak?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2027-01-01T00:00:00Z"
            + "&st=2025-01-01T00:00:00Z&spr=https&sig=" + TokenFormats.AzureSasSignature();
        yield return "AZURE_SAS=\"sp=racwdl&st=2025-03-01T09:00:00Z&se=2026-03-01T17:00:00Z&spr=https&sv=2024-11-04&sr=c&sig="
            + TokenFormats.AzureSasSignature() + "\"";
        yield return "BlobEndpoint=https://acmelogs.blob.core.windows.net/;SharedAccessSignature=sig=" + TokenFormats.AzureSasSignature()
            + "&se=2026-12-31&sp=r&sv=2021-08-06";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "https://acme.blob.core.windows.net/c/f?sv=2022-11-02&sp=r&sig=<signature>";
        yield return "https://acme.blob.core.windows.net/c/f?sp=r&sig=" + TokenFormats.AzureSasSignature();
        yield return "sv=2022-11-02&sp=r&sig=" + Uri.EscapeDataString(TokenFormats.Base64OfBytes(24));
        yield return "https://prod-01.westus.logic.azure.com/workflows/" + TokenFormats.Hex(32)
            + "/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + TokenFormats.Base64UrlOfBytes(32);
    }

    [GeneratedRegex(
        """(?<![A-Za-z0-9])sv=\d{4}-\d{2}-\d{2}(?:&[A-Za-z]{1,8}=[^&\s"'<>]{0,200}){0,15}?&sig=(?<secret>[A-Za-z0-9%+/=]{40,100})(?![A-Za-z0-9%+/=])|(?<![A-Za-z0-9])sig=(?<secret>[A-Za-z0-9%+/=]{40,100})(?:&[A-Za-z]{1,8}=[^&\s"'<>]{0,200}){0,15}?&sv=\d{4}-\d{2}-\d{2}(?![0-9])""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
