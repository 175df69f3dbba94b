using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC166: <c>mongodb://</c> and <c>mongodb+srv://</c> URIs with a literal password.</summary>
public sealed partial class MongoDbConnectionUri : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC166",
        Name: "mongodb-connection-uri",
        Title: "MongoDB connection URI with password",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds MongoDB connection strings with a literal password (mongodb://user:password@host and mongodb+srv://). "
            + "Atlas clusters are reachable from the internet when IP access lists are open, so the URI alone can be enough to read the data.",
        Remediation = "Change the database user's password in Atlas or with db.changeUserPassword, and inject the URI from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["mongodb"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<=(?<![A-Za-z0-9+.-])(?i:mongodb(?:\+srv)?))://(?<user>[^\s:@/""'`<>{}$]{0,128}):(?<secret>[^\s@/""'`<>]{1,256})@(?<host>[A-Za-z0-9.\[\]_-]{1,253})",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsValid(string secret, Match match) =>
        UrlCredentials.IsRealCredential(match.Groups["user"].Value, secret, match.Groups["host"].Value);

    public override IEnumerable<string> TruePositives()
    {
        yield return "MONGO_URI=mongodb+srv://api:" + GenericSecretAssignment.SampleValue(24) + "@cluster0.ab1cd.mongodb.net/prod?retryWrites=true";
        yield return "client = MongoClient('mongodb://root:" + GenericSecretAssignment.SampleValue(16) + "@mongo-0.mongo:27017,mongo-1.mongo:27017/?replicaSet=rs0')";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "MONGO_URI=mongodb+srv://api:<password>@cluster0.ab1cd.mongodb.net/";
        yield return "MONGO_URI=mongodb://mongo:27017/app";
        yield return "MONGO_URI=mongodb://admin:admin@localhost:27017";
    }
}
