using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC047: a Discord webhook URL (<c>discord.com/api/webhooks/&lt;id&gt;/&lt;token&gt;</c>).</summary>
public sealed partial class DiscordWebhook : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC047",
        Name: "discord-webhook",
        Title: "Discord webhook URL",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Description = "Detects Discord webhook URLs (https://discord.com/api/webhooks/<id>/<68-character token>, including "
            + "discordapp.com, ptb. and canary. hosts). The URL is the credential: anyone holding it can post messages with "
            + "any username and avatar into the channel, or delete the webhook.",
        Remediation = "Delete the webhook in the channel settings (Integrations > Webhooks) or with DELETE on the URL, create a new "
            + "one, and store the URL in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["discord.com/api", "discordapp.com/api"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) =>
        Entropy.Shannon(secret.AsSpan(secret.LastIndexOf('/') + 1)) >= 4.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "DISCORD_WEBHOOK_URL=" + Sample("discord.com");
        yield return "  webhook: \"" + Sample("discordapp.com") + "\"";
        yield return "curl -H 'Content-Type: application/json' -d '{\"content\":\"build failed\"}' " + Sample("canary.discord.com");
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "https://discord.com/api/webhooks/" + TokenFormats.Digits(19) + "/" + new string('x', 68);
        yield return "https://discord.com/api/webhooks/<id>/<token>";
        yield return "DISCORD_WEBHOOK_URL=${{ secrets.DISCORD_WEBHOOK_URL }}";
        yield return "https://discord.com/api/webhooks/" + TokenFormats.Digits(19);
    }

    private static string Sample(string host) => "https://" + host + "/api/webhooks/" + TokenFormats.Digits(19) + "/" + TokenFormats.Base64UrlOfBytes(51);

    [GeneratedRegex(
        @"https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/(?:v[0-9]{1,2}/)?webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,80}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
