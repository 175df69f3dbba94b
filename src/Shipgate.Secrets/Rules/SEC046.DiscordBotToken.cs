using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC046: a Discord bot token (base64 user id, timestamp, HMAC) near a Discord keyword or a <c>Bot</c> authorization.</summary>
public sealed partial class DiscordBotToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC046",
        Name: "discord-bot-token",
        Title: "Discord bot token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Description = "Detects Discord bot tokens: three dot-separated base64url segments whose first segment decodes to the bot's "
            + "numeric snowflake id, found near the word Discord or after an Authorization: Bot prefix. The id check rules "
            + "out JWTs and random strings. A bot token gives full control of the bot in every server it has joined, "
            + "including reading messages and acting with its roles.",
        Remediation = "Reset the token in the Discord Developer Portal (Applications > your app > Bot > Reset Token), review the "
            + "bot's recent actions in server audit logs, and load the token from a secret store or environment.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["discord", "bot "];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) =>
        TokenFormats.IsDiscordBotToken(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "DISCORD_TOKEN=" + TokenFormats.DiscordBotToken();
        yield return "import discord\nclient = discord.Client(intents=intents)\nclient.run('" + TokenFormats.DiscordBotToken() + "')";
        yield return "curl -H \"Authorization: Bot " + TokenFormats.DiscordBotToken() + "\" https://discord.com/api/v10/users/@me";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "DISCORD_TOKEN=${DISCORD_TOKEN}";
        yield return "discord_token = \"MTk" + TokenFormats.Random(Samples.Base64UrlChars, 23) + "." + TokenFormats.Random(Samples.Base64UrlChars, 6) + "." + TokenFormats.Base64UrlOfBytes(28) + "\"";
        yield return "discord session: " + TokenFormats.Jwt("{\"alg\":\"HS256\"}", "{\"sub\":\"42\"}");
        yield return "DISCORD_TOKEN=<your-bot-token>";
    }

    [GeneratedRegex(
        @"(?i:discord)[\s\S]{0,200}?(?<![A-Za-z0-9_-])(?<secret>[MNO][A-Za-z0-9_-]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_.-])|\bBot\s+(?<secret>[MNO][A-Za-z0-9_-]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_.-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
