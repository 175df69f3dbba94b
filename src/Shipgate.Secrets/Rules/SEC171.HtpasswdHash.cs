using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC171: <c>user:hash</c> lines of htpasswd files (Apache MD5 <c>$apr1$</c>, <c>{SHA}</c>, bcrypt <c>$2y$</c>, SHA-crypt <c>$5$</c>/<c>$6$</c>).</summary>
public sealed partial class HtpasswdHash : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC171",
        Name: "htpasswd-hash",
        Title: "Password hash in htpasswd format",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.Medium)
    {
        Equivalents = [],
        Description = "Finds password hashes in htpasswd format (user:hash at the start of a line), as used by Apache, nginx basic auth, Traefik and Kubernetes ingress auth secrets. "
            + "The hash is not the password, but weak passwords behind MD5-crypt or unsalted SHA-1 fall quickly to offline cracking, and the file reveals valid user names.",
        Remediation = "Remove the file from the repository, create new passwords (with bcrypt: `htpasswd -B`), and mount the htpasswd file from a secret at deploy time.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["$apr1$", "{SHA}", "$2y$", "$2a$", "$2b$", "$5$", "$6$"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<=(?m:^)[ \t]*[A-Za-z0-9._@-]{1,64}:)(?<secret>\$apr1\$[./0-9A-Za-z]{1,8}\$[./0-9A-Za-z]{22}|\{SHA\}[A-Za-z0-9+/]{27}=|\$2[aby]\$[0-9]{2}\$[./A-Za-z0-9]{53}|\$[56]\$(?:rounds=[0-9]{1,9}\$)?[./0-9A-Za-z]{1,16}\$[./0-9A-Za-z]{43,86})(?=[ \t]*(?:$|:))",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "admin:$apr1$" + Samples.From(Samples.AlphaNumericChars + "./", 8) + "$" + Samples.From(Samples.AlphaNumericChars + "./", 22);
        yield return "deploy:{SHA}" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        yield return "monitoring:$2y$10$" + Samples.From(Samples.AlphaNumericChars + "./", 53) + "\nother:$2y$05$" + Samples.From(Samples.AlphaNumericChars + "./", 53);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "admin:$apr1$...";
        yield return "bcrypt hashes look like $2y$10$" + Samples.From(Samples.AlphaNumericChars + "./", 53);
        yield return "password_hash = \"$2b$12$" + Samples.From(Samples.AlphaNumericChars + "./", 53) + "\"";
    }
}
